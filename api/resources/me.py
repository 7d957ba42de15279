import logging
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user, get_jwt

from api.accounts.deletion import delete_account
from api.accounts.export import export_of
from api.accounts.profile import update_profile, user_view
from api.auth import identities, signin
from api.auth.revocations import revoke_now
from api.auth.tokens import family_of, signed_in_just_now
from api.http.limits import reauth_limited
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.http.render import json_response
from models import db
from schemas.user import (
    DeleteAccountSchema,
    ExportSchema,
    IfMatchHeaders,
    LinkIdentitySchema,
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
            "locale": "de",
            "notify_partner_checkins": True,
            "reminder_time": "20:30",
            "quiet_hours": {"start": "22:00", "end": "08:00"},
        },
    )
    @blp.response(200, UserSchema)
    @blp.errors(412, *COMMON_ERRORS)
    def patch(self, headers: dict[str, Any], changes: dict[str, Any]) -> Any:
        """Change your name, time zone, language, reminder, quiet hours or notification preference.

        Send only what changes: `display_name`, `timezone`, `locale`, `reminder_time` (local
        `HH:MM`, or null for none), `quiet_hours` (`{"start", "end"}`, or null) and
        `notify_partner_checkins` (whether your partner's check-ins push to you).

        With `If-Match` (the ETag of `GET /me`), 412 `precondition_failed` when another
        phone changed your profile since; the answer carries the new ETag.
        """
        user = update_profile(current_user.id, changes, headers.get("if_match"))
        return json_response(user_view(user), tagged=True)

    @reauth_limited
    @blp.authenticated(codes=("invalid_credentials", "invalid_identity_token"))
    @blp.arguments(DeleteAccountSchema, example={"password": "a long passphrase"})
    @blp.response(204)
    @blp.errors(
        404,
        *COMMON_ERRORS,
        codes={
            404: ("provider_disabled",),
            503: ("service_unavailable",),
        },
    )
    def delete(self, body: dict[str, Any]) -> None:
        """Delete your account and everything that is yours; your partner's data stays.

        Confirm with your `password`; an account without one sends `provider`, `id_token`
        and `nonce` from a sign-in of one of its own identities in the last 5 minutes.
        Apple tokens are revoked at Apple (retried later if Apple is unreachable)."""
        queued = delete_account(current_user, body)
        db.session.commit()
        log.info("account deleted", extra={"user_id": str(current_user.id)})
        revoke_now(queued)


@blp.route("/export")
class Export(MethodView):
    @blp.authenticated()
    @blp.response(200, ExportSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Everything stored about you, as one JSON document."""
        return export_of(current_user)


@blp.route("/identities")
class Identities(MethodView):
    @reauth_limited
    @blp.authenticated(
        codes=("invalid_credentials", "fresh_token_required", "invalid_identity_token")
    )
    @blp.arguments(
        LinkIdentitySchema,
        example={
            "provider": "google",
            "id_token": "eyJraWQiOiIxIiwiYWxnIjoiUlMyNTYifQ.eyJpc3MiOiIuLi4ifQ.c2ln",
            "nonce": "raw-nonce",
            "password": "a long passphrase",
        },
    )
    @blp.response(201, UserSchema, description="Linked: the user, with `identities`.")
    @blp.alt_response(200, schema=UserSchema, description="It was linked to you already.")
    @blp.errors(
        404,
        409,
        *COMMON_ERRORS,
        codes={
            404: ("provider_disabled",),
            409: ("identity_taken", "already_linked"),
            503: ("service_unavailable",),
        },
    )
    def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """Link an Apple or Google sign-in to your account.

        Needs your `password` when the account has one, so that a stolen access token
        cannot add a way in; an account without one links from a token of a sign-in (not
        a refreshed one)."""
        user, status = identities.link(current_user, signed_in_just_now(get_jwt()), body)
        return user_view(user), status


@blp.route("/identities/<any(apple, google):provider>")
class IdentityByProvider(MethodView):
    @blp.authenticated()
    @blp.response(204)
    @blp.errors(
        404,
        409,
        *COMMON_ERRORS,
        codes={404: ("not_found", "provider_disabled"), 409: ("last_sign_in_method",)},
    )
    def delete(self, provider: str) -> None:
        """Unlink a sign-in provider (not your last way to sign in). Apple's token is
        revoked at Apple."""
        queued = identities.unlink(current_user, provider)
        db.session.commit()
        revoke_now(queued)


@blp.route("/password")
class Password(MethodView):
    @reauth_limited
    @blp.authenticated(codes=("invalid_credentials",))
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
