import logging
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user, get_jwt

from api.accounts.deletion import delete_account
from api.accounts.export import export_of
from api.accounts.profile import update_profile, user_view
from api.auth import signin
from api.auth.tokens import family_of
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.http.render import json_response
from models import db
from schemas.user import (
    DeleteAccountSchema,
    ExportSchema,
    IfMatchHeaders,
    PasswordChangeSchema,
    UserSchema,
    UserUpdateSchema,
)

blp = ApiBlueprint("me", __name__, description="The signed-in user's own account.")
log = logging.getLogger(__name__)


@blp.route("")
class Me(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, UserSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self) -> Any:
        """Your account, with a strong ETag: send it as If-Match when you change it."""
        return json_response(user_view(current_user), etag=blp)

    @blp.authenticated()
    @blp.arguments(IfMatchHeaders, location="headers")
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
    @blp.errors(412, *COMMON_ERRORS)
    def patch(self, headers: dict[str, Any], changes: dict[str, Any]) -> Any:
        """Change your display name, time zone or notification preferences.

        With `If-Match` (the ETag of `GET /me`), 412 `precondition_failed` when another
        phone changed your profile since; the answer carries the new ETag.
        """
        user = update_profile(current_user.id, changes, headers.get("if_match"))
        return json_response(user_view(user), tagged=True)

    @blp.authenticated()
    @blp.arguments(DeleteAccountSchema, example={"password": "a long passphrase"})
    @blp.response(204)
    @blp.errors(*COMMON_ERRORS)
    def delete(self, body: dict[str, Any]) -> None:
        """Delete your account and everything that is yours; your partner's data stays."""
        delete_account(current_user, body["password"])
        db.session.commit()
        log.info("account deleted", extra={"user_id": str(current_user.id)})


@blp.route("/export")
class Export(MethodView):
    @blp.authenticated()
    @blp.response(200, ExportSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Everything stored about you, as one JSON document."""
        return export_of(current_user)


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
        signin.change_password(
            current_user, family_of(get_jwt()), body["current_password"], body["new_password"]
        )
