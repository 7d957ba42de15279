from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.couples.invites import already_paired, redeem
from api.couples.pairing import couple_view, end_couple, require_pairing
from api.extensions import limiter
from api.http.limits import client_address, configured, user_key
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.notifications import outbox
from models import db
from schemas.couple import CoupleSchema, RedeemInviteSchema

blp = ApiBlueprint("couple", __name__, description="The pairing of two partners.")
NOT_PAIRED = {404: ("not_paired",)}


@blp.route("")
class Couples(MethodView):
    @limiter.limit(configured("RATELIMIT_REDEEM"), key_func=user_key)
    @limiter.limit(configured("RATELIMIT_REDEEM_ADDRESS"), key_func=client_address)
    @blp.authenticated()
    @blp.arguments(RedeemInviteSchema, example={"code": "7KQ2M-9XDR4"})
    @blp.response(201, CoupleSchema)
    @blp.errors(
        404,
        409,
        *COMMON_ERRORS,
        codes={404: ("invite_invalid",), 409: ("already_paired", "own_invite")},
    )
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Redeem your partner's invite code and become a couple."""
        if current_user.couple_id is not None:
            raise already_paired()
        pairing = redeem(current_user.id, body["code"])
        outbox.paired(pairing, current_user.display_name)
        db.session.commit()
        return couple_view(pairing)

    @blp.authenticated()
    @blp.response(200, CoupleSchema)
    @blp.errors(404, *COMMON_ERRORS, codes=NOT_PAIRED)
    def get(self) -> dict[str, Any]:
        """Your couple and partner."""
        return couple_view(require_pairing(current_user))

    @blp.authenticated()
    @blp.response(204)
    @blp.errors(404, *COMMON_ERRORS, codes=NOT_PAIRED)
    def delete(self) -> None:
        """End the pairing, for both partners. From then on neither sees the other's check-ins."""
        end_couple(require_pairing(current_user).couple_id)
        db.session.commit()
