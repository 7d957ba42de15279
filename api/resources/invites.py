from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.couples.invites import (
    already_paired,
    create_invite,
    no_open_invite,
    shown_invite,
    withdraw_live_invites,
)
from api.extensions import limiter
from api.http.limits import configured, user_key
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from models import db
from schemas.couple import InviteSchema

blp = ApiBlueprint("invites", __name__, description="Invite codes that pair two partners.")


@blp.route("")
class Invites(MethodView):
    @limiter.limit(configured("RATELIMIT_INVITE"), key_func=user_key)
    @blp.authenticated()
    @blp.response(201, InviteSchema)
    @blp.errors(409, *COMMON_ERRORS, codes={409: ("already_paired", "conflict")})
    def post(self) -> dict[str, Any]:
        """Create an invite code for your partner; it replaces any earlier one."""
        if current_user.couple_id is not None:
            raise already_paired()
        return create_invite(current_user.id)


@blp.route("/current")
class CurrentInvite(MethodView):
    @blp.authenticated()
    @blp.response(200, InviteSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Show your open invite code again."""
        if current_user.couple_id is not None:
            raise no_open_invite()
        return shown_invite(current_user.id)

    @blp.authenticated()
    @blp.response(204)
    @blp.errors(*COMMON_ERRORS)
    def delete(self) -> None:
        """Withdraw your open invite code (nothing to do is fine too)."""
        withdraw_live_invites(current_user.id)
        db.session.commit()
