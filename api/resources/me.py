import logging
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user, get_jwt

from api.account import delete_account, export_of
from api.caller_cache import forget_caller
from api.errors import ApiError
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.resources.users import user_view
from api.security import family_of, hash_password, revoke_families, verify_password
from models import User, db
from schemas.user import (
    DeleteAccountSchema,
    ExportSchema,
    PasswordChangeSchema,
    UserSchema,
    UserUpdateSchema,
)

blp = ApiBlueprint("me", __name__, description="The signed-in user's own account.")
log = logging.getLogger(__name__)


@blp.route("")
class Me(MethodView):
    @blp.authenticated()
    @blp.response(200, UserSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Your account."""
        return user_view(current_user)

    @blp.authenticated()
    @blp.arguments(
        UserUpdateSchema,
        example={
            "display_name": "Sam",
            "timezone": "Europe/Berlin",
            "notify_partner_checkins": True,
            "reminder_time": "20:30",
            "quiet_hours": {"start": "22:00", "end": "08:00"},
        },
    )
    @blp.response(200, UserSchema)
    @blp.errors(*COMMON_ERRORS)
    def patch(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Change your display name or time zone."""
        user = db.session.get_one(User, current_user.id)
        if "quiet_hours" in changes:
            quiet = changes.pop("quiet_hours") or {}
            user.quiet_hours_start, user.quiet_hours_end = quiet.get("start"), quiet.get("end")
        for field, value in changes.items():
            setattr(user, field, value)
        db.session.commit()
        forget_caller(user.id)
        return user_view(user)

    @blp.authenticated()
    @blp.arguments(DeleteAccountSchema, example={"password": "a long passphrase"})
    @blp.response(204)
    @blp.errors(*COMMON_ERRORS)
    def delete(self, body: dict[str, Any]) -> None:
        """Delete your account and everything that is yours; your partner's data stays."""
        if not verify_password(db.session.get(User, current_user.id), body["password"]):
            raise ApiError(401, "invalid_credentials", "The password is not right.")
        user_id = str(current_user.id)
        delete_account(current_user)
        db.session.commit()
        log.info("account deleted", extra={"user_id": user_id})


@blp.route("/export")
class Export(MethodView):
    @blp.authenticated()
    @blp.response(200, ExportSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Everything stored about you, as one JSON document."""
        return export_of(current_user, user_view(current_user))


@blp.route("/password")
class Password(MethodView):
    @blp.authenticated()
    @blp.arguments(
        PasswordChangeSchema,
        example={"current_password": "a long passphrase", "new_password": "a longer passphrase"},
    )
    @blp.response(204)
    @blp.errors(*COMMON_ERRORS)
    def post(self, body: dict[str, Any]) -> None:
        """Change your password; every other device is signed out."""
        user = db.session.get_one(User, current_user.id)
        if not verify_password(user, body["current_password"]):
            raise ApiError(401, "invalid_credentials", "The current password is not right.")
        user.password_hash = hash_password(body["new_password"])
        # Whoever else holds this account's tokens is signed out; this device stays in.
        revoke_families(current_user.id, keep=family_of(get_jwt()))
        db.session.commit()
