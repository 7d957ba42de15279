import logging
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user, get_jwt
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from api.errors import ApiError
from api.extensions import limiter
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.ratelimit import client_address, configured, login_key
from api.resources.users import user_view
from api.security import (
    family_of,
    hash_password,
    issue_tokens,
    rehash_if_outdated,
    revoke_families,
    rotate_refresh_token,
    verify_password,
)
from models import User, db
from schemas.user import AuthResultSchema, LoginSchema, RegisterSchema, TokenPairSchema

blp = ApiBlueprint("auth", __name__, description="Accounts and tokens.")
log = logging.getLogger(__name__)

INVALID_CREDENTIALS = ApiError(401, "invalid_credentials", "The email or password is not right.")


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
    @blp.errors(409, *COMMON_ERRORS)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create an account; answers with the user and a first token pair."""
        if db.session.scalar(select(User.id).where(User.email == body["email"])) is not None:
            raise ApiError(409, "email_taken", "An account with this email already exists.")
        user = User(
            email=body["email"],
            password_hash=hash_password(body["password"]),
            display_name=body["display_name"],
            timezone=body["timezone"],
        )
        db.session.add(user)
        try:
            db.session.flush()
        except IntegrityError as exc:  # two registrations raced for one email
            db.session.rollback()
            raise ApiError(
                409, "email_taken", "An account with this email already exists."
            ) from exc
        tokens = issue_tokens(user)
        db.session.commit()
        return {"user": user_view(user), **tokens}


@blp.route("/login")
class Login(MethodView):
    @limiter.limit(configured("RATELIMIT_LOGIN"), key_func=login_key)
    @limiter.limit(configured("RATELIMIT_LOGIN_ADDRESS"), key_func=client_address)
    @blp.arguments(
        LoginSchema, example={"email": "sam@example.com", "password": "a long passphrase"}
    )
    @blp.response(200, AuthResultSchema)
    @blp.errors(401, *COMMON_ERRORS)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Sign in with email and password; each sign-in starts a new token family."""
        user = db.session.scalars(select(User).where(User.email == body["email"])).first()
        if not verify_password(user, body["password"]):
            log.info("login refused", extra={"known_account": user is not None})
            raise INVALID_CREDENTIALS
        assert user is not None
        rehash_if_outdated(user, body["password"])
        tokens = issue_tokens(user)
        db.session.commit()
        return {"user": user_view(user), **tokens}


@blp.route("/refresh")
class Refresh(MethodView):
    @blp.authenticated(refresh=True)
    @blp.response(200, TokenPairSchema)
    @blp.errors(*COMMON_ERRORS)
    def post(self) -> dict[str, Any]:
        """Trade the refresh token (as the bearer) for a new pair; the old one is spent."""
        claims = get_jwt()
        family_id = family_of(claims)
        tokens = rotate_refresh_token(current_user.id, family_id, claims["jti"])
        if tokens is None:
            # A spent refresh token came back: someone holds a copy. End the whole family.
            revoke_families(current_user.id, only=family_id)
            db.session.commit()
            log.warning(
                "refresh token reused; token family revoked",
                extra={"user_id": str(current_user.id), "family_id": str(family_id)},
            )
            raise ApiError(
                401, "token_revoked", "This refresh token was already used; sign in again."
            )
        db.session.commit()
        return tokens


@blp.route("/logout")
class Logout(MethodView):
    @blp.authenticated()
    @blp.response(204)
    @blp.errors(*COMMON_ERRORS)
    def post(self) -> None:
        """Sign out this device: its access and refresh tokens stop working."""
        revoke_families(current_user.id, only=family_of(get_jwt()))
        db.session.commit()
