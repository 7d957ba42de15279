from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user, get_jwt

from api.accounts.profile import user_view
from api.auth import identities, signin
from api.auth.tokens import family_of, presented_token
from api.extensions import limiter
from api.http.limits import client_address, configured, login_key
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.notifications.devices import forget_device
from models import db
from schemas.device import LogoutSchema
from schemas.user import (
    AppleSignInSchema,
    AuthResultSchema,
    GoogleSignInSchema,
    LoginSchema,
    ProviderAuthResultSchema,
    RegisterSchema,
    TokenPairSchema,
)

blp = ApiBlueprint("auth", __name__, description="Accounts and tokens.")

SIGN_IN_CODES = {
    401: ("invalid_identity_token",),
    404: ("provider_disabled",),
    409: ("account_exists", "conflict"),
    503: ("service_unavailable",),
}
EXAMPLE_ID_TOKEN = "eyJraWQiOiJXNldjT0tCIiwiYWxnIjoiUlMyNTYifQ.eyJpc3MiOiIuLi4ifQ.c2ln"  # noqa: S105 - an example


@blp.route("/register")
class Register(MethodView):
    @limiter.limit(configured("RATELIMIT_REGISTER"), key_func=client_address)
    @blp.arguments(
        RegisterSchema,
        example={
            "email": "sam@example.com",
            "password": "a long passphrase",
            "display_name": "Sam",
            "timezone": "Europe/Berlin",
        },
    )
    @blp.response(201, AuthResultSchema)
    @blp.errors(409, *COMMON_ERRORS, codes={409: ("email_taken",)})
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create an account; answers with the user and a first token pair."""
        user, tokens = signin.register(body)
        return {"user": user_view(user), **tokens}


@blp.route("/login")
class Login(MethodView):
    @limiter.limit(configured("RATELIMIT_LOGIN"), key_func=login_key)
    @limiter.limit(configured("RATELIMIT_LOGIN_ADDRESS"), key_func=client_address)
    @blp.arguments(
        LoginSchema, example={"email": "sam@example.com", "password": "a long passphrase"}
    )
    @blp.response(200, AuthResultSchema)
    @blp.errors(401, *COMMON_ERRORS, codes={401: ("invalid_credentials",)})
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Sign in with email and password; each sign-in starts a new token family."""
        user, tokens = signin.login(body["email"], body["password"])
        return {"user": user_view(user), **tokens}


@blp.route("/apple")
class AppleSignIn(MethodView):
    @limiter.limit(configured("RATELIMIT_PROVIDER_SIGNIN"), key_func=client_address)
    @blp.arguments(
        AppleSignInSchema,
        example={
            "id_token": EXAMPLE_ID_TOKEN,
            "nonce": "2d3f0b0e-raw-nonce-sent-to-apple-hashed",
            "authorization_code": "c0de.from.apple",
            "display_name": "Sam",
            "timezone": "Europe/Berlin",
        },
    )
    @blp.response(200, ProviderAuthResultSchema, description="A known Apple ID: signed in.")
    @blp.alt_response(201, schema=ProviderAuthResultSchema, description="A new account.")
    @blp.errors(401, 404, 409, *COMMON_ERRORS, codes=SIGN_IN_CODES)
    def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """Sign in with Apple; a new Apple ID makes an account (201).

        A new Apple ID whose verified email already has an account is not merged: 409
        `account_exists`; sign in to that account and link Apple from it."""
        user, tokens, created = identities.sign_in("apple", body)
        return {"user": user_view(user), **tokens, "created": created}, 201 if created else 200


@blp.route("/google")
class GoogleSignIn(MethodView):
    @limiter.limit(configured("RATELIMIT_PROVIDER_SIGNIN"), key_func=client_address)
    @blp.arguments(
        GoogleSignInSchema,
        example={"id_token": EXAMPLE_ID_TOKEN, "nonce": "raw-nonce", "timezone": "Europe/Berlin"},
    )
    @blp.response(200, ProviderAuthResultSchema, description="A known Google account.")
    @blp.alt_response(201, schema=ProviderAuthResultSchema, description="A new account.")
    @blp.errors(401, 404, 409, *COMMON_ERRORS, codes=SIGN_IN_CODES)
    def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """Sign in with Google; a new Google account makes an account (201).

        A new Google account whose verified email already has an account is not merged:
        409 `account_exists`; sign in to that account and link Google from it."""
        user, tokens, created = identities.sign_in("google", body)
        return {"user": user_view(user), **tokens, "created": created}, 201 if created else 200


@blp.route("/refresh")
class Refresh(MethodView):
    @blp.authenticated(refresh=True)
    @blp.response(200, TokenPairSchema)
    @blp.errors(*COMMON_ERRORS)
    def post(self) -> dict[str, Any]:
        """Trade the refresh token (as the bearer) for a new pair; the old one is spent.

        Sent again within `REFRESH_REUSE_GRACE_SECONDS` of its first use (two requests
        racing from one phone), it gets the same pair, as long as that pair has not been
        refreshed itself. Later it is a copy: 401 `token_revoked`, and the family ends.
        """
        claims = get_jwt()
        return signin.refresh(current_user.id, family_of(claims), claims["jti"], presented_token())


@blp.route("/logout")
class Logout(MethodView):
    @blp.authenticated()
    @blp.arguments(LogoutSchema, required=False, example={"device_token": "fcm-token"})
    @blp.response(204)
    @blp.errors(*COMMON_ERRORS)
    def post(self, body: dict[str, Any]) -> None:
        """Sign out this device: its access and refresh tokens stop working.

        With `device_token`, that phone of yours also stops receiving pushes (a phone
        handed on shows nothing more); a token that is not yours is ignored.
        """
        signin.end_session(current_user.id, family_of(get_jwt()))
        if body.get("device_token"):
            forget_device(current_user.id, token=body["device_token"], missing_ok=True)
        db.session.commit()
