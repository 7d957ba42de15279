"""Pages of check-ins, newest first by `recorded_at`, with opaque keyset cursors."""

from __future__ import annotations

import base64
import re
import struct
import uuid
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, or_, select, union_all

from api.auth.caller import Caller
from api.checkins.rows import CHECKIN_COLUMNS, checkins_json, fold_responses, with_responses
from api.couples.visibility import own, shared_since
from api.http.errors import ApiError
from api.http.reads import fetch
from models import CheckIn

# A cursor is a position in the list: the recorded_at (microseconds since 1970, signed) and
# the id of the last check-in of a page, as 24 bytes in base64url, 32 characters. Every
# string of that shape is a position (one beyond the calendar is its end), so the OpenAPI
# document's pattern says exactly which cursors are accepted.
CURSOR_SHAPE = re.compile(r"[A-Za-z0-9_-]{32}")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_FIRST = (datetime.min.replace(tzinfo=UTC) - _EPOCH) // _MICROSECOND
_LAST = (datetime.max.replace(tzinfo=UTC) - _EPOCH) // _MICROSECOND


def encode_cursor(checkin: Any) -> str:
    micros = (checkin.recorded_at - _EPOCH) // _MICROSECOND
    return base64.urlsafe_b64encode(struct.pack(">q", micros) + checkin.id.bytes).decode()


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    if CURSOR_SHAPE.fullmatch(cursor) is None:
        raise ApiError(
            422,
            "validation_error",
            "cursor: Not a cursor this service gave out.",
            errors={"cursor": ["Not a cursor this service gave out."]},
        )
    raw = base64.urlsafe_b64decode(cursor)
    (micros,) = struct.unpack(">q", raw[:8])
    recorded_at = _EPOCH + min(max(micros, _FIRST), _LAST) * _MICROSECOND
    return recorded_at, uuid.UUID(bytes=raw[8:])


def _newest_of(scope: Any, with_cursor: bool) -> Any:
    statement = select(*CHECKIN_COLUMNS).where(scope)
    if with_cursor:
        after_at: Any = bindparam("after_at")
        after_id: Any = bindparam("after_id")
        statement = statement.where(
            or_(
                CheckIn.recorded_at < after_at,
                and_(CheckIn.recorded_at == after_at, CheckIn.id < after_id),
            )
        )
    return statement.order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc()).limit(
        bindparam("page_size")
    )


@cache
def _page_statement(author: str, paired: bool, with_cursor: bool) -> Any:
    """Built once per shape, with bound parameters, so each request only binds values.

    Each author's rows come from their own index range, newest first, limited to the
    page; the two short lists are then merged, and the page's responses joined on. The
    cost stays that of one page, however long the history, in one round trip.
    """
    mine = own(bindparam("me"))
    theirs = shared_since(bindparam("partner"), bindparam("paired_at"))
    scopes = []
    if author in ("me", "both"):
        scopes.append(mine)
    if author in ("partner", "both") and paired:
        scopes.append(theirs)
    if not scopes:
        return None
    if len(scopes) == 1:
        return with_responses(_newest_of(scopes[0], with_cursor))
    merged = union_all(*(select(_newest_of(s, with_cursor).subquery()) for s in scopes)).subquery()
    return with_responses(
        select(merged)
        .order_by(merged.c.recorded_at.desc(), merged.c.id.desc())
        .limit(bindparam("page_size"))
    )


def _newest_first(
    reader: Caller, author: str, limit: int, cursor: str | None
) -> list[tuple[Any, list[dict[str, Any]]]]:
    """One page of check-ins with their responses (and one more check-in, to know whether
    a next page exists)."""
    pairing = reader.pairing
    statement = _page_statement(author, pairing is not None, cursor is not None)
    if statement is None:
        return []
    values: dict[str, Any] = {"me": reader.id, "page_size": limit + 1}
    if pairing is not None:
        values.update(partner=pairing.partner.id, paired_at=pairing.paired_at)
    if cursor is not None:
        values["after_at"], values["after_id"] = decode_cursor(cursor)
    return fold_responses(fetch(statement, values))


def checkin_page(reader: Caller, author: str, limit: int, cursor: str | None) -> dict[str, Any]:
    """`{"items", "next_cursor"}`: a page of what `reader` may see of `author`'s check-ins."""
    page = _newest_first(reader, author, limit, cursor)
    items = page[:limit]
    next_cursor = encode_cursor(items[-1][0]) if len(page) > limit else None
    return {"items": checkins_json(items), "next_cursor": next_cursor}
