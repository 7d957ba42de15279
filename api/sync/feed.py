"""`GET /sync`: a page of what changed for the reader since their cursor, oldest first.

Order and gaps: rows are taken in (`txid`, `seq`) order, `txid` being the writing
transaction's id on PostgreSQL. Transactions commit in any order, so a page only takes rows
of transactions below a horizon `H` that every transaction of this database below it has
ended: one still running (which may yet commit rows ordered before rows already committed)
holds the page back instead of being skipped forever.

`H` is read in one statement: `xmax` of the statement's snapshot (every transaction below
it had been assigned its id when the snapshot was taken), lowered to the id of each
transaction of this database still running when `pg_stat_activity` is read, just after.
A transaction below `H` is then over, and the page, read by a later statement, sees its
rows. Transactions of other databases on the same server do not hold the feed back (the
snapshot's own `xmin` would). `pg_stat_activity` shows every backend's transaction id to
every role; prepared (two-phase) transactions are not in it, and the app never prepares
one. On SQLite writers are serialized, so rows commit in `seq` order and `txid` is 0.

Cost: the page is one range of `ix_changes_reader` (user, txid, seq), at most `limit` + 1
rows, whatever the history; the check-ins in it are read in one more statement.
"""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
    union_all,
)

from api.auth.caller import Caller
from api.checkins.rows import CHECKIN_COLUMNS, checkins_json, fold_responses, with_responses
from api.clock import now
from api.couples.pairing import couple_view
from api.couples.visibility import own, shared_since
from api.http.reads import fetch
from api.questions.daily import shown_question
from api.sync.cursor import Cursor, Position, cursor_expired, decode, encode
from models import Change, CheckIn, Couple, CoupleMember, db
from models.vocabulary import Visibility


class Horizon(NamedTuple):
    """`below`: every transaction of this database with a lower id has ended. `xmax`: no
    transaction with this id or higher had been given one."""

    below: int
    xmax: int


# backend_xid is 32 bits: it is placed next to the 64-bit xmax by its signed distance
# (running transactions are always within 2^31 of it).
_HORIZON = text(
    """
    SELECT snapshot.xmax, LEAST(snapshot.xmax, MIN(
        snapshot.xmax
        + (activity.backend_xid::text::bigint - snapshot.xmax % 4294967296 + 6442450944)
          % 4294967296
        - 2147483648))
    FROM (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax) AS snapshot
    LEFT JOIN pg_stat_activity AS activity
        ON activity.backend_xid IS NOT NULL
        AND activity.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
    GROUP BY snapshot.xmax
    """
)


def _horizon() -> Horizon | None:
    if db.session.get_bind().dialect.name != "postgresql":
        return None
    xmax, below = fetch(_HORIZON).one()
    return Horizon(below, xmax)


def _now(horizon: Horizon | None) -> Position:
    """The position of "now": after every row already committed for good."""
    if horizon is not None:
        return Position(horizon.below, 0)
    return Position(0, fetch(select(func.coalesce(func.max(Change.seq), 0))).scalar_one())


@cache
def _page_statement(bounded: bool) -> Any:
    """The reader's rows after a position: one index range, built once per shape."""
    after = tuple_(
        bindparam("after_txid", type_=BigInteger()), bindparam("after_seq", type_=BigInteger())
    )
    statement = select(
        Change.txid, Change.seq, Change.kind, Change.entity_id, Change.couple_id, Change.at
    ).where(Change.user_id == bindparam("me"), tuple_(Change.txid, Change.seq) > after)
    if bounded:
        statement = statement.where(Change.txid < bindparam("below", type_=BigInteger()))
    return statement.order_by(Change.txid, Change.seq).limit(bindparam("page_size"))


@cache
def _visible_statement(paired: bool) -> Any:
    """Those of the given check-ins the reader may see now, with their responses."""
    scope = own(bindparam("me"))
    if paired:
        scope = or_(scope, shared_since(bindparam("partner"), bindparam("paired_at")))
    return with_responses(
        select(*CHECKIN_COLUMNS).where(CheckIn.id.in_(bindparam("ids", expanding=True)), scope)
    )


def _visible_checkins(reader: Caller, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    if not ids:
        return {}
    values: dict[str, Any] = {"me": reader.id, "ids": ids}
    if reader.pairing is not None:
        values.update(partner=reader.pairing.partner.id, paired_at=reader.pairing.paired_at)
    shown = checkins_json(
        fold_responses(fetch(_visible_statement(reader.pairing is not None), values))
    )
    return {checkin["id"]: checkin for checkin in shown}


def _could_have_seen(rows: list[tuple[uuid.UUID, uuid.UUID]]) -> set[uuid.UUID]:
    """Of (check-in, couple) pairs, the check-ins the reader could see in that pairing:
    shared, recorded since it began, by the other member. One gone for good (its author
    deleted their account) came through the pairing, so it counts."""
    # The pairs as a derived table (a union of one-row selects: SQLite has no VALUES alias).
    seen = union_all(
        *(
            select(
                literal(checkin_id, Change.entity_id.type).label("checkin_id"),
                literal(couple_id, Change.entity_id.type).label("couple_id"),
            )
            for checkin_id, couple_id in rows
        )
    ).subquery("seen")
    statement = (
        select(seen.c.checkin_id)
        .select_from(seen)
        .join(Couple, Couple.id == seen.c.couple_id)
        .outerjoin(CheckIn, CheckIn.id == seen.c.checkin_id)
        .outerjoin(
            CoupleMember,
            and_(
                CoupleMember.couple_id == seen.c.couple_id,
                CoupleMember.user_id == CheckIn.author_id,
            ),
        )
        .where(
            or_(
                CheckIn.id.is_(None),
                and_(
                    CoupleMember.user_id.is_not(None),
                    CheckIn.visibility == Visibility.PARTNER.value,
                    CheckIn.recorded_at >= Couple.paired_at,
                ),
            )
        )
    )
    return set(fetch(statement).scalars())


def _changes(reader: Caller, rows: list[Any]) -> list[dict[str, Any]]:
    """The page's rows as the reader may see them now: each id once, at its last change.

    A check-in the reader cannot see now left their view: `checkin_removed`, with nothing
    of it but its id, and only if they could see it once. Their own rows (no couple) are
    about their own check-ins; a row that came through a pairing is checked against it
    here, although the triggers only write those for check-ins the partner could see:
    what a reader learns is decided when they read.
    """
    latest: dict[uuid.UUID, Any] = {}
    for row in rows:
        latest.pop(row.entity_id, None)
        latest[row.entity_id] = row
    shown = _visible_checkins(reader, [i for i, row in latest.items() if row.kind == "checkin"])
    through_pairing = [
        (entity_id, row.couple_id)
        for entity_id, row in latest.items()
        if row.kind == "checkin" and entity_id not in shown and row.couple_id is not None
    ]
    seen_once = _could_have_seen(through_pairing) if through_pairing else set()
    pairing = reader.pairing
    changes = []
    for entity_id, row in latest.items():
        if row.kind == "checkin":
            data = shown.get(entity_id)
            if data is None and row.couple_id is not None and entity_id not in seen_once:
                continue  # never the id of something they could not see
            kind = "checkin" if data is not None else "checkin_removed"
        elif row.kind == "couple":
            kind = "couple"
            current = pairing is not None and pairing.couple_id == entity_id
            data = couple_view(pairing) if current and pairing is not None else None
        else:
            kind, data = row.kind, question_data(reader, row)
        changes.append({"type": kind, "id": entity_id, "at": row.at, "data": data})
    return changes


def question_data(reader: Caller, row: Any) -> dict[str, Any] | None:
    """The question as `GET /questions/today` shows it for its date; None once it is not
    of the reader's current pairing."""
    return shown_question(reader, row.entity_id)


def sync_page(reader: Caller, since: str | None, limit: int) -> dict[str, Any]:
    """`{"changes", "next_cursor", "has_more"}` for the reader since the cursor `since`;
    without one, no changes and a cursor for now."""
    moment = now()
    horizon = _horizon()
    if since is None:
        start = encode(reader.id, _now(horizon), moment)
        return {"changes": [], "next_cursor": start, "has_more": False}
    cursor = decode(reader.id, since, moment)
    if horizon is not None and cursor.position.txid > horizon.xmax:
        raise cursor_expired()  # from a database whose log this one never had (a restore)
    values = {
        "me": reader.id,
        "after_txid": cursor.position.txid,
        "after_seq": cursor.position.seq,
        "page_size": limit + 1,
    }
    if horizon is not None:
        values["below"] = horizon.below
    rows = fetch(_page_statement(horizon is not None), values).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    return {
        "changes": _changes(reader, rows),
        "next_cursor": _next_cursor(reader, cursor, rows, has_more, moment),
        "has_more": has_more,
    }


def _next_cursor(
    reader: Caller, cursor: Cursor, rows: list[Any], has_more: bool, moment: Any
) -> str:
    position = Position(rows[-1].txid, rows[-1].seq) if rows else cursor.position
    # Caught up, the holder has seen everything up to now; behind, only up to where the
    # cursor they came with stood (so a lagging cursor keeps its age).
    return encode(reader.id, position, cursor.as_of if has_more else moment)
