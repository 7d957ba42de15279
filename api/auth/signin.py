"""Signing up, in and out, refreshing, and changing the password."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from api.auth.caller import Caller
from api.auth.passwords import hash_password, rehash_if_outdated, verify_password
from api.auth.tokens import issue_tokens, revoke_families, rotate_refresh_token
from api.http.errors import ApiError
from api.http.language import named_by_request
from models import User, db
from models.languages import DEFAULT_LOCALE

log = logging.getLogger(__name__)

INVALID_CREDENTIALS = ApiError(401, "invalid_credentials", "The email or password is not right.")


def _email_taken() -> ApiError:
    return ApiError(409, "email_taken", "An account with this email already exists.")


def register(body: dict[str, Any]) -> tuple[User, dict[str, Any]]:
    """A new account and its first token pair (committed)."""
    if db.session.scalar(select(User.id).where(User.email == body["email"])) is not None:
        raise _email_taken()
    user = User(
        email=body["email"],
        password_hash=hash_password(body["password"]),
        display_name=body["display_name"],
        timezone=body["timezone"],
        locale=body.get("locale") or named_by_request() or DEFAULT_LOCALE,
    )
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError as exc:  # two registrations raced for one email
        db.session.rollback()
        raise _email_taken() from exc
    tokens = issue_tokens(user)
    db.session.commit()
    return user, tokens


def login(email: str, password: str) -> tuple[User, dict[str, Any]]:
    """The account and a new token family (committed); the same 401 for any mistake."""
    user = db.session.scalars(select(User).where(User.email == email)).first()
    if not verify_password(user, password):
        log.info("login refused", extra={"known_account": user is not None})
        raise INVALID_CREDENTIALS
    assert user is not None
    rehash_if_outdated(user, password)
    tokens = issue_tokens(user)
    db.session.commit()
    return user, tokens


def refresh(user_id: uuid.UUID, family_id: uuid.UUID, jti: str, presented: str) -> dict[str, Any]:
    """The next pair for a refresh token (committed). A spent one coming back after its
    grace means someone holds a copy: the whole family ends, and 401."""
    tokens = rotate_refresh_token(user_id, family_id, jti, presented)
    if tokens is None:
        revoke_families(user_id, only=family_id)
        db.session.commit()
        log.warning(
            "refresh token reused; token family revoked",
            extra={"user_id": str(user_id), "family_id": str(family_id)},
        )
        raise ApiError(401, "token_revoked", "This refresh token was already used; sign in again.")
    db.session.commit()
    return tokens


def end_session(user_id: uuid.UUID, family_id: uuid.UUID) -> None:
    """Sign out one device: its token family ends (not committed)."""
    revoke_families(user_id, only=family_id)


def change_password(caller: Caller, family_id: uuid.UUID, current: str, new: str) -> None:
    """A new password (committed); every other token family of the user ends."""
    user = db.session.get_one(User, caller.id)
    if not verify_password(user, current):
        raise ApiError(401, "invalid_credentials", "The current password is not right.")
    user.password_hash = hash_password(new)
    revoke_families(caller.id, keep=family_id)
    db.session.commit()
