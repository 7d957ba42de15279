"""Revoking Apple refresh tokens: a durable queue, tried at once and retried by the worker.

Deleting an account (or unlinking its Apple ID) writes the token to `apple_revocations` in
the same transaction, so a crash or an unreachable Apple loses nothing; the request then
tries it once right away, after its commit. The worker (`flask notifications deliver`)
retries what is left, with backoff. Several workers may run: each claims its rows with
`FOR UPDATE SKIP LOCKED` on PostgreSQL.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from api.auth.apple import AppleClient, Revoked, apple_client
from api.clock import now
from api.keys import derived
from models import AppleRevocation, Identity, db

log = logging.getLogger(__name__)

REFRESH_TOKEN_PURPOSE = b"attune apple refresh token"
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
# About three days of hourly tries before giving up (and saying so in the log).
MAX_ATTEMPTS = 80


@dataclass
class RevokeReport:
    revoked: int = 0
    retrying: int = 0
    abandoned: int = 0


def seal(refresh_token: str) -> str:
    return derived.encrypt(refresh_token, current_app.config["SECRET_KEY"], REFRESH_TOKEN_PURPOSE)


def enqueue(identity: Identity) -> uuid.UUID | None:
    """Queue the revocation of the identity's Apple token, if it has one (not committed)."""
    if identity.refresh_token_encrypted is None or identity.client_id is None:
        return None
    revocation = AppleRevocation(
        id=uuid.uuid4(),
        client_id=identity.client_id,
        token_encrypted=identity.refresh_token_encrypted,
        next_attempt_at=now(),
        created_at=now(),
    )
    db.session.add(revocation)
    return revocation.id


def _backoff(attempts: int) -> timedelta:
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_CAP)


def _attempt(client: AppleClient, row: AppleRevocation, moment: datetime) -> str:
    secret = current_app.config["SECRET_KEY"]
    token = derived.decrypt(row.token_encrypted, secret, REFRESH_TOKEN_PURPOSE)
    if token is None:
        log.error(
            "Apple token revocation abandoned",
            extra={"revocation_id": str(row.id), "reason": "undecryptable: SECRET_KEY changed?"},
        )
        db.session.delete(row)
        return "abandoned"
    outcome, reason = client.revoke(row.client_id, token)
    row.attempts += 1
    if outcome is Revoked.DONE:
        log.info("Apple token revoked", extra={"revocation_id": str(row.id), "note": reason})
        db.session.delete(row)
        return "revoked"
    if row.attempts >= MAX_ATTEMPTS:
        log.error(
            "Apple token revocation abandoned",
            extra={"revocation_id": str(row.id), "attempts": row.attempts, "reason": reason},
        )
        db.session.delete(row)
        return "abandoned"
    row.last_error = reason
    row.next_attempt_at = moment + _backoff(row.attempts)
    log.warning(
        "Apple token revocation will be retried",
        extra={"revocation_id": str(row.id), "attempts": row.attempts, "reason": reason},
    )
    return "retrying"


def revoke_due(
    moment: datetime, *, only: list[uuid.UUID] | None = None, batch: int = 100
) -> RevokeReport:
    """Revoke what is due (or just the rows `only` names); commit after each one."""
    report = RevokeReport()
    client = apple_client()
    if client is None:
        waiting = db.session.scalar(select(AppleRevocation.id).limit(1))
        db.session.rollback()
        if waiting is not None:
            log.warning("Apple revocations wait: APPLE_TEAM_ID, APPLE_KEY_ID or the key is missing")
        return report
    done: set[uuid.UUID] = set()
    while report.revoked + report.retrying + report.abandoned < batch:
        query = select(AppleRevocation).where(AppleRevocation.next_attempt_at <= moment)
        if only is not None:
            query = query.where(AppleRevocation.id.in_(only))
        if done:
            query = query.where(AppleRevocation.id.not_in(done))
        row = db.session.scalars(
            query.order_by(AppleRevocation.next_attempt_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        if row is None:
            break
        done.add(row.id)
        result = _attempt(client, row, moment)
        setattr(report, result, getattr(report, result) + 1)
        db.session.commit()
    db.session.rollback()
    return report


def revoke_now(ids: list[uuid.UUID]) -> None:
    """Right after the commit that queued them: try each revocation once, now.

    Whatever goes wrong here, the deletion stands and the worker tries again: this only
    saves the wait, so it never turns the request into an error.
    """
    if not ids:
        return
    try:
        revoke_due(now(), only=ids)
    except Exception:
        db.session.rollback()
        log.exception("Apple token revocation left to the worker")
