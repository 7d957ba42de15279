from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from api import invite_codes
from api.clock import now
from api.errors import ApiError
from api.extensions import limiter
from api.notifications import outbox
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.pairing import Pairing, Partner, create_couple, end_couple, require_pairing
from api.ratelimit import client_address, configured, user_key
from api.resources.invites import already_paired
from models import Invite, User, db
from schemas.couple import CoupleSchema, RedeemInviteSchema

blp = ApiBlueprint("couple", __name__, description="The pairing of two partners.")


def invite_invalid() -> ApiError:
    # One answer for unknown, expired, used and withdrawn codes: a guesser learns nothing.
    return ApiError(404, "invite_invalid", "This invite code is not valid.")


def couple_view(pairing: Pairing) -> dict[str, Any]:
    return {
        "id": pairing.couple_id,
        "paired_at": pairing.paired_at,
        "partner": {
            "id": pairing.partner.id,
            "display_name": pairing.partner.display_name,
            "timezone": pairing.partner.timezone,
        },
    }


@blp.route("")
class Couples(MethodView):
    @limiter.limit(configured("RATELIMIT_REDEEM"), key_func=user_key)
    @limiter.limit(configured("RATELIMIT_REDEEM_ADDRESS"), key_func=client_address)
    @blp.authenticated()
    @blp.arguments(RedeemInviteSchema, example={"code": "7KQ2M-9XDR4"})
    @blp.response(201, CoupleSchema)
    @blp.errors(404, 409, *COMMON_ERRORS)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Redeem your partner's invite code and become a couple."""
        if current_user.couple_id is not None:
            raise already_paired()
        code = invite_codes.normalize(body["code"])
        if code is None:
            raise invite_invalid()
        code_hash = invite_codes.lookup_hash(code, current_app.config["SECRET_KEY"])
        # The row lock makes concurrent redemptions of one code queue; the first wins.
        invite = db.session.scalars(
            select(Invite).where(Invite.code_hash == code_hash).with_for_update()
        ).first()
        moment = now()
        if (
            invite is None
            or invite.used_at is not None
            or invite.withdrawn_at is not None
            or invite.expires_at <= moment
        ):
            raise invite_invalid()
        if invite.creator_id == current_user.id:
            raise ApiError(409, "own_invite", "This is your own invite code; share it instead.")
        creator = db.session.get(User, invite.creator_id)
        if creator is None or creator.couple_id is not None:
            raise ApiError(409, "already_paired", "The person who shared this code is paired.")
        invite.used_at = moment
        try:
            couple = create_couple(invite.creator_id, current_user.id, moment)
        except IntegrityError as exc:  # either side paired in a concurrent request
            db.session.rollback()
            raise already_paired() from exc
        outbox.paired(invite.creator_id, current_user.display_name, couple.id)
        db.session.commit()
        partner = Partner(creator.id, creator.display_name, creator.timezone)
        return couple_view(Pairing(couple.id, couple.paired_at, partner))

    @blp.authenticated()
    @blp.response(200, CoupleSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Your couple and partner."""
        return couple_view(require_pairing(current_user))

    @blp.authenticated()
    @blp.response(204)
    @blp.errors(404, *COMMON_ERRORS)
    def delete(self) -> None:
        """End the pairing, for both partners. From then on neither sees the other's check-ins."""
        pairing = require_pairing(current_user)
        end_couple(pairing.couple_id, now())
        db.session.commit()
