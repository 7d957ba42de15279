"""Leaving: the account and everything that is only theirs, after proving who they are."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete

from api.auth.caller import Caller
from api.auth.caller_cache import forget_caller
from api.auth.identities import confirm_deletion, queue_revocations
from api.auth.passwords import verify_password
from api.couples.pairing import end_couple
from api.http.errors import ApiError
from models import User, db


def delete_account(user: Caller, proof: dict[str, Any]) -> list[uuid.UUID]:
    """Delete the user and everything that is theirs; end their pairing (not committed).

    The proof is the password, or, for an account without one, a fresh id token of one
    of its own identities. The database cascades from the user row to check-ins (and the
    responses to them), responses written, answers to the daily question, invites,
    idempotency keys, token families, memberships and identities. The couple row stays,
    ended, as the partner's history; the partner's own data (their answers too) stays.
    Apple tokens are queued for revocation at Apple, and the queued ids returned, to be
    tried once the deletion is committed.
    """
    account = db.session.get_one(User, user.id)
    if "password" in proof or account.has_password:
        if not verify_password(account, proof.get("password", "")):
            raise ApiError(401, "invalid_credentials", "The password is not right.")
    else:
        confirm_deletion(account, proof["provider"], proof["id_token"], proof.get("nonce"))
    queued = queue_revocations(user.id)
    if user.pairing is not None:
        end_couple(user.pairing.couple_id)
    db.session.execute(delete(User).where(User.id == user.id))
    forget_caller(user.id)
    return queued
