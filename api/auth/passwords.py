"""Passwords, hashed with argon2id; unknown emails cost the same time as known ones."""

from __future__ import annotations

import contextlib
import uuid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app

from models import User

_HASHER_KEY = "attune.password_hasher"
_DUMMY_KEY = "attune.dummy_hash"


def _hasher() -> PasswordHasher:
    hasher: PasswordHasher = current_app.extensions[_HASHER_KEY]
    return hasher


def init_passwords(app: Flask) -> None:
    hasher = PasswordHasher(
        time_cost=app.config["ARGON2_TIME_COST"],
        memory_cost=app.config["ARGON2_MEMORY_COST"],
        parallelism=app.config["ARGON2_PARALLELISM"],
    )
    app.extensions[_HASHER_KEY] = hasher
    # Verifying against a real hash for unknown emails makes login take the same time.
    app.extensions[_DUMMY_KEY] = hasher.hash(uuid.uuid4().hex)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(user: User | None, password: str) -> bool:
    """Check a password; for no user, or an account without a password (it signs in
    with Apple or Google), spend the same time and say no."""
    if user is None or user.password_hash is None:
        with contextlib.suppress(VerificationError):
            _hasher().verify(current_app.extensions[_DUMMY_KEY], password)
        return False
    try:
        return _hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def rehash_if_outdated(user: User, password: str) -> None:
    """Move a user to the current argon2 parameters at their next successful login."""
    if user.password_hash is not None and _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
