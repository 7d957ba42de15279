"""Leaving: the account and everything that is only theirs, after proving who they are."""

from __future__ import annotations

from sqlalchemy import delete

from api.auth.caller import Caller
from api.auth.caller_cache import forget_caller
from api.auth.passwords import verify_password
from api.couples.pairing import end_couple
from api.http.errors import ApiError
from models import User, db


def delete_account(user: Caller, password: str) -> None:
    """Delete the user and everything that is theirs; end their pairing (not committed).

    The database cascades from the user row to check-ins (and the responses to them),
    responses written, invites, idempotency keys, token families and memberships. The
    couple row stays, ended, as the partner's history; the partner's own data stays.
    """
    if not verify_password(db.session.get(User, user.id), password):
        raise ApiError(401, "invalid_credentials", "The password is not right.")
    if user.pairing is not None:
        end_couple(user.pairing.couple_id)
    db.session.execute(delete(User).where(User.id == user.id))
    forget_caller(user.id)
