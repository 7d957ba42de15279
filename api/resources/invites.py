from datetime import timedelta
from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from api import invite_codes
from api.clock import now
from api.errors import ApiError, not_found
from api.extensions import limiter
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.ratelimit import configured, user_key
from models import Invite, db
from schemas.couple import InviteSchema

blp = ApiBlueprint("invites", __name__, description="Invite codes that pair two partners.")

INVITE_LIFETIME = timedelta(hours=48)


def already_paired() -> ApiError:
    return ApiError(409, "already_paired", "You are already paired with a partner.")


def live_invite_of(user_id: Any) -> Invite | None:
    return db.session.scalars(
        select(Invite).where(
            Invite.creator_id == user_id,
            Invite.used_at.is_(None),
            Invite.withdrawn_at.is_(None),
            Invite.expires_at > now(),
        )
    ).first()


def _withdraw_live_invites(user_id: Any) -> None:
    db.session.execute(
        update(Invite)
        .where(
            Invite.creator_id == user_id,
            Invite.used_at.is_(None),
            Invite.withdrawn_at.is_(None),
        )
        .values(withdrawn_at=now())
        .execution_options(synchronize_session=False)
    )


def _shown(invite: Invite) -> dict[str, Any]:
    code = invite_codes.decrypt(invite.code_encrypted, current_app.config["SECRET_KEY"])
    if code is None:  # the secret key was rotated: the old code can no longer be shown
        raise not_found("You have no open invite.")
    return {"code": invite_codes.display(code), "expires_at": invite.expires_at}


@blp.route("")
class Invites(MethodView):
    @limiter.limit(configured("RATELIMIT_INVITE"), key_func=user_key)
    @blp.authenticated()
    @blp.response(201, InviteSchema)
    @blp.errors(409, *COMMON_ERRORS)
    def post(self) -> dict[str, Any]:
        """Create an invite code for your partner; it replaces any earlier one."""
        if current_user.couple_id is not None:
            raise already_paired()
        secret = current_app.config["SECRET_KEY"]
        code = invite_codes.generate_code()
        _withdraw_live_invites(current_user.id)
        invite = Invite(
            creator_id=current_user.id,
            code_hash=invite_codes.lookup_hash(code, secret),
            code_encrypted=invite_codes.encrypt(code, secret),
            created_at=now(),
            expires_at=now() + INVITE_LIFETIME,
        )
        db.session.add(invite)
        try:
            db.session.commit()
        except IntegrityError as exc:  # the same user created another invite at this moment
            db.session.rollback()
            raise ApiError(409, "conflict", "Another invite was just created; try again.") from exc
        return {"code": invite_codes.display(code), "expires_at": invite.expires_at}


@blp.route("/current")
class CurrentInvite(MethodView):
    @blp.authenticated()
    @blp.response(200, InviteSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Show your open invite code again."""
        invite = live_invite_of(current_user.id) if current_user.couple_id is None else None
        if invite is None:
            raise not_found("You have no open invite.")
        return _shown(invite)

    @blp.authenticated()
    @blp.response(204)
    @blp.errors(*COMMON_ERRORS)
    def delete(self) -> None:
        """Withdraw your open invite code (nothing to do is fine too)."""
        _withdraw_live_invites(current_user.id)
        db.session.commit()
