"""Posting and deleting check-ins: idempotent by client id or Idempotency-Key.

A post is inserted first and looked at only on a conflict: a first post, the usual case,
costs no extra query; a retry (the same id or key, the same body) is answered from what
is stored, and a different body under the same id or key is 409.

Only a post that stores a check-in counts against the author's limit (RATELIMIT_CHECKIN):
a retry is answered also once the limit is reached, so a phone emptying its offline queue
is not refused for repeating itself. At the limit, nothing is inserted: the post is looked
up as a retry, and refused (429) if it is not one.

Deleting leaves a tombstone: the row keeps its id (and the Idempotency-Key's record keeps
pointing at it) but loses what it said, so a queued retry of the post is 410 `deleted`
whatever its body, and never brings the check-in back.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, bindparam, case, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from api.auth.caller import Caller
from api.checkins.rows import (
    CHECKIN_COLUMNS,
    checkin_json,
    checkins_json,
    fold_responses,
    with_responses,
)
from api.checkins.visible import (
    checkin_deleted,
    is_own_tombstone,
    no_such_checkin,
    visible_checkin,
)
from api.clock import now
from api.http.errors import ApiError
from api.http.limits import CHECKIN_LIMIT
from api.http.reads import fetch
from api.notifications import outbox
from models import CheckIn, IdempotencyKey, Response, db
from models.vocabulary import Visibility

CLOCK_SKEW = timedelta(minutes=5)
OLDEST_RECORDING = timedelta(days=7)
IDEMPOTENCY_KEY_TTL = timedelta(hours=48)

_CHECKIN_FIELDS = (*(column.key for column in CHECKIN_COLUMNS), "request_hash")
# A shared check-in is numbered one past its author's latest shared one, in the insert
# itself: one index probe, no extra round trip (see CheckIn.shared_seq).
_LATEST_SHARED_SEQ = (
    select(CheckIn.shared_seq)
    .where(
        CheckIn.author_id == bindparam("seq_author"),
        CheckIn.visibility == Visibility.PARTNER.value,
    )
    .order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc())
    .limit(1)
    .scalar_subquery()
)
_INSERT_CHECKIN = insert(CheckIn.__table__).values(
    shared_seq=case(
        (
            bindparam("seq_shared", type_=Boolean),
            func.coalesce(_LATEST_SHARED_SEQ, 0) + 1,
        ),
        else_=None,
    )
)
_INSERT_KEY = insert(IdempotencyKey.__table__)


def idempotency_conflict() -> ApiError:
    # The same words whoever owns the id: a 409 here must reveal nothing about the row.
    return ApiError(
        409,
        "idempotency_conflict",
        "This id or Idempotency-Key was already used for a different request.",
    )


def fingerprint(body: dict[str, Any]) -> str:
    """What makes two posts "the same request": every field the client chose."""
    recorded_at = body.get("recorded_at")
    canonical = {
        "tone": body["tone"].value,
        "energy": body["energy"],
        "need": body["need"].value if body.get("need") else None,
        "note": body.get("note"),
        "visibility": body["visibility"].value,
        "recorded_at": recorded_at.timestamp() if recorded_at else None,
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def check_recorded_at(recorded_at: datetime, moment: datetime) -> None:
    if recorded_at > moment + CLOCK_SKEW:
        message = "Must not be in the future."
    elif recorded_at < moment - OLDEST_RECORDING:
        message = "Must not be older than 7 days."
    else:
        return
    raise ApiError(
        422, "validation_error", f"recorded_at: {message}", errors={"recorded_at": [message]}
    )


def _stored_checkin_json(checkin_id: uuid.UUID) -> dict[str, Any]:
    statement = with_responses(select(*CHECKIN_COLUMNS).where(CheckIn.id == checkin_id))
    return checkins_json(fold_responses(fetch(statement)))[0]


def _replay(
    author: Caller, body: dict[str, Any], key: str | None, print_: str
) -> dict[str, Any] | None:
    """The stored check-in if this post repeats an earlier one; 409 if it contradicts it;
    410 if the author has deleted it since."""
    if key is not None:
        record = db.session.get(IdempotencyKey, (author.id, key))
        if record is not None and record.created_at > now() - IDEMPOTENCY_KEY_TTL:
            if db.session.get_one(CheckIn, record.checkin_id).deleted_at is not None:
                raise checkin_deleted()
            if record.request_hash != print_ or (
                body.get("id") is not None and body["id"] != record.checkin_id
            ):
                raise idempotency_conflict()
            return _stored_checkin_json(record.checkin_id)
        if record is not None:  # expired: the key may be used afresh
            db.session.delete(record)
            db.session.flush()
    if body.get("id") is not None:
        existing = db.session.get(CheckIn, body["id"])
        if existing is not None:
            if existing.author_id != author.id:
                raise idempotency_conflict()  # deleted or not: nothing about another's row
            if existing.deleted_at is not None:
                raise checkin_deleted()
            if existing.request_hash != print_:
                raise idempotency_conflict()
            return _stored_checkin_json(existing.id)
    return None


def _as_row(checkin: CheckIn) -> tuple[Any, ...]:
    """A new check-in's values in the order of CHECKIN_COLUMNS, as a row would have them."""
    return tuple(getattr(checkin, column.key) for column in CHECKIN_COLUMNS)


def _insert(
    author: Caller,
    body: dict[str, Any],
    key: str | None,
    print_: str,
    recorded_at: datetime,
    moment: datetime,
) -> CheckIn:
    """Insert the check-in (and its idempotency key) as Core statements, not committed.

    The unit of work would cost a third of a post here; the inserted values are known,
    so the answer is built from them. A conflicting id or key raises IntegrityError.
    """
    checkin = CheckIn(
        id=body.get("id") or uuid.uuid4(),
        author_id=author.id,
        tone=body["tone"].value,
        energy=body["energy"],
        need=body["need"].value if body.get("need") else None,
        note=body.get("note"),
        visibility=body["visibility"].value,
        recorded_at=recorded_at,
        created_at=moment,
        request_hash=print_,
    )
    connection = db.session.connection()
    connection.execute(
        _INSERT_CHECKIN,
        {
            **{column: getattr(checkin, column) for column in _CHECKIN_FIELDS},
            "seq_author": author.id,
            "seq_shared": checkin.visibility == Visibility.PARTNER.value,
        },
    )
    if key is not None:
        connection.execute(
            _INSERT_KEY,
            {
                "user_id": author.id,
                "key": key,
                "request_hash": print_,
                "checkin_id": checkin.id,
                "created_at": moment,
            },
        )
    outbox.partner_checked_in(author.display_name, author.pairing, checkin)
    return checkin


def post_checkin(
    author: Caller, body: dict[str, Any], key: str | None
) -> tuple[dict[str, Any], int]:
    """Store a check-in (committed): the check-in as JSON, and 201, or 200 for a retry."""
    print_ = fingerprint(body)
    moment = now()
    recorded_at = (body.get("recorded_at") or moment).astimezone(UTC)
    try:
        check_recorded_at(recorded_at, moment)
    except ApiError:
        stored = _replay(author, body, key, print_)  # a late retry of a stored one
        if stored is None:
            raise
        return stored, 200
    if not CHECKIN_LIMIT.allows(author.id):
        stored = _replay(author, body, key, print_)
        if stored is None:
            db.session.rollback()  # _replay may have cleared an expired key: not for a 429
            raise CHECKIN_LIMIT.refusal(author.id)
        return stored, 200
    # Within the allowed skew, a time ahead of the clock is the phone's clock being ahead:
    # stored as now, nothing can be dated into a pairing that begins in the next minutes.
    recorded_at = min(recorded_at, moment)
    for _ in range(2):
        try:
            checkin = _insert(author, body, key, print_, recorded_at, moment)
            if not CHECKIN_LIMIT.spend(author.id):  # spent meanwhile by a concurrent post
                db.session.rollback()
                raise CHECKIN_LIMIT.refusal(author.id)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            stored = _replay(author, body, key, print_)
            if stored is not None:
                return stored, 200
            db.session.commit()  # an expired key was cleared: insert once more
            continue
        return checkin_json(_as_row(checkin)), 201
    raise ApiError(409, "conflict", "This check-in could not be stored; try again.")


def delete_checkin(author: Caller, checkin_id: uuid.UUID) -> None:
    """Delete the author's own check-in, leaving its tombstone (not committed).

    What it said is erased, the responses to it go, and its Idempotency-Key's record
    forgets the fingerprint (which would tell what it said) but keeps pointing at it.
    Deleting a tombstone again is fine; a partner's check-in is 403; anything else 404.
    """
    erased = db.session.execute(
        update(CheckIn)
        .where(
            CheckIn.id == checkin_id, CheckIn.author_id == author.id, CheckIn.deleted_at.is_(None)
        )
        .values(deleted_at=now(), tone=None, energy=None, need=None, note=None, request_hash="")
        .execution_options(synchronize_session=False)
    )
    if erased.rowcount != 1:  # type: ignore[attr-defined]
        if is_own_tombstone(author, checkin_id):
            return
        if visible_checkin(author, checkin_id) is not None:
            raise ApiError(403, "forbidden", "Only the author can delete a check-in.")
        raise no_such_checkin()
    db.session.execute(delete(Response).where(Response.checkin_id == checkin_id))
    db.session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.checkin_id == checkin_id)
        .values(request_hash="")
        .execution_options(synchronize_session=False)
    )
