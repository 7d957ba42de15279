"""What the weekly summary reads: the couple's days, each person's shared check-ins of one
local day summed up, at the size of the answer rather than of the history.

The days come from `checkin_quarters` (migration 0012: per author and UTC quarter hour,
kept by triggers), grouped into the reader's local days in SQL: one statement, whose rows
are at most days x people however many check-ins there are. A zone's offset is a whole
number of quarter hours and changes on a quarter hour (every zone since 1972), so each
quarter falls in one local day: its day is (quarter start + the offset then) // 1 day,
with the offsets of the range passed in as a CASE on the quarter.

Rows are read instead only where quarters cannot say it: the part of a quarter before the
pairing began (at most a quarter hour of check-ins), or a zone whose offsets are not
quarter hours (local mean times before 1972, when nobody used this app). They are folded
by the same core (`fold_days`), so both give the same days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, and_, bindparam, case, exists, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from api.attunement.summary import (
    RESPONSE_WINDOW,
    DayTotals,
    ResponseFact,
    SharedCheckIn,
    fold_days,
)
from api.couples.visibility import live
from api.http.reads import fetch
from models import CheckIn, Response, checkin_quarters
from models.checkin import QUARTER_SECONDS
from models.vocabulary import Quadrant, Tone, Visibility

QUARTER = timedelta(seconds=QUARTER_SECONDS)
QUARTERS_A_DAY = 96
DAY_SECONDS = 86_400
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_DAY = date(1970, 1, 1)
FIRST_MONDAY = (date(1970, 1, 5) - EPOCH_DAY).days

_TONES = {tone.value: tone for tone in Tone}


class quarter_start(FunctionElement[datetime]):
    """SQL: the first moment of a quarter number, comparable with a stored timestamp."""

    inherit_cache = True


@compiles(quarter_start, "postgresql")
def _quarter_start_postgresql(element: Any, compiler: Any, **kw: Any) -> str:
    return f"to_timestamp(({compiler.process(element.clauses, **kw)}) * {QUARTER_SECONDS})"


@compiles(quarter_start, "sqlite")
def _quarter_start_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff': this shorter string sorts just before it.
    quarter = compiler.process(element.clauses, **kw)
    return f"datetime(({quarter}) * {QUARTER_SECONDS}, 'unixepoch')"


def _quarter_of(moment: datetime) -> int:
    """The number of the quarter holding `moment`."""
    return (moment - EPOCH) // QUARTER


def _offset(tz: ZoneInfo, moment: datetime) -> int:
    offset = moment.astimezone(tz).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


@lru_cache(maxsize=1024)
def offset_segments(zone: str, first: int, last: int) -> tuple[tuple[int, int], ...] | None:
    """The zone's UTC offsets over quarters [first, last) as (from quarter, seconds), or
    None where a quarter would not lie in one local day (an offset or a change of it off
    the quarter hour). Offsets change at most once a day: each day is looked at once and a
    change found by halving."""
    tz = ZoneInfo(zone)

    def at(quarter: int) -> int:
        return _offset(tz, EPOCH + quarter * QUARTER)

    segments = [(first, at(first))]
    quarter = first
    while quarter < last - 1:
        end = min(quarter + QUARTERS_A_DAY, last - 1)
        current = segments[-1][1]
        if at(end) == current:
            quarter = end
            continue
        low, high = quarter, end  # at(low) == current != at(high)
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if at(middle) == current else (low, middle)
        if _offset(tz, EPOCH + high * QUARTER - timedelta(microseconds=1)) != current:
            return None  # changed inside the quarter before
        segments.append((high, at(high)))
        quarter = high
    if any(seconds % QUARTER_SECONDS for _, seconds in segments):
        return None
    return tuple(segments)


@lru_cache(maxsize=64)
def _days_statement(changes: int, weeks: bool) -> Any:
    """Days from quarters, for a range whose zone changes its offset `changes` times; with
    `weeks`, whole ISO weeks instead, each as its Monday."""
    t = checkin_quarters
    offset: Any = bindparam("offset_0", type_=Integer)
    if changes:
        offset = case(
            *(
                (t.c.quarter < bindparam(f"from_{n}", type_=Integer), bindparam(f"offset_{n - 1}"))
                for n in range(1, changes + 1)
            ),
            else_=bindparam(f"offset_{changes}", type_=Integer),
        )
    open_after = bindparam("open_after", type_=CheckIn.created_at.type)
    unanswered = t.c.checkins - t.c.replied
    # Whether an unanswered check-in's window is still open is the reader's now: told by
    # when the quarter's unanswered ones were created, and counted only when that straddles.
    straddling = (
        select(func.count())
        .select_from(CheckIn)
        .where(
            CheckIn.author_id == t.c.author_id,
            CheckIn.recorded_at >= quarter_start(t.c.quarter),
            CheckIn.recorded_at < quarter_start(t.c.quarter + 1),
            CheckIn.visibility == Visibility.PARTNER.value,
            live(),
            CheckIn.created_at > open_after,
            ~exists().where(
                Response.checkin_id == CheckIn.id, Response.author_id != CheckIn.author_id
            ),
        )
        .scalar_subquery()
    )
    awaiting = case(
        (unanswered == 0, 0),
        (t.c.open_from > open_after, unanswered),
        (t.c.open_until <= open_after, 0),
        else_=straddling,
    )
    counts = [
        "checkins",
        "energy",
        *(q.value for q in Quadrant),
        *(f"tone_{tone}" for tone in _TONES),
        "responses",
        "rated",
        "heard",
        "answered_in_time",
        "repairs",
    ]
    day: Any = (t.c.quarter * QUARTER_SECONDS + offset) // DAY_SECONDS
    if weeks:  # 1970-01-05, day 4, was a Monday
        day = (day - FIRST_MONDAY) // 7 * 7 + FIRST_MONDAY
    quarters = (
        select(
            t.c.author_id,
            day.label("day"),
            *(t.c[name] for name in counts),
            awaiting.label("awaiting"),
        )
        .where(
            t.c.author_id.in_(
                [bindparam(name, type_=t.c.author_id.type) for name in ("me", "partner")]
            ),
            and_(t.c.quarter >= bindparam("first"), t.c.quarter < bindparam("last")),
            t.c.checkins > 0,  # a quarter emptied keeps its row
        )
        .subquery()
    )
    return select(
        quarters.c.author_id,
        quarters.c.day,
        *(func.sum(quarters.c[name]) for name in [*counts, "awaiting"]),
    ).group_by(quarters.c.author_id, quarters.c.day)


def _day_totals(row: Any) -> DayTotals:
    author_id, day, checkins, energy, *rest = row
    quadrants = dict(zip((q.value for q in Quadrant), rest, strict=False))
    rest = rest[len(quadrants) :]
    tones = dict(zip(_TONES, rest, strict=False))
    responses, rated, heard, answered_in_time, repairs, awaiting = rest[len(tones) :]
    # PostgreSQL sums a bigint count into a numeric: a whole number all the same.
    considered = checkins - int(awaiting)
    # Within a pairing only the partner can answer (they alone see the check-in), so the
    # answers by someone else are the partner's: turned_toward counts the same ones.
    return DayTotals(
        author_id,
        EPOCH_DAY + timedelta(days=day),
        checkins=checkins,
        energy=energy,
        quadrants=quadrants,
        tones=tones,
        responses=responses,
        rated=rated,
        heard=heard,
        considered=considered,
        answered_in_time=answered_in_time,
        toward_considered=considered,
        toward_answered=answered_in_time,
        repairs=repairs,
    )


def _days_from_quarters(
    pair: tuple[Any, Any],
    first: int,
    last: int,
    segments: tuple[tuple[int, int], ...],
    now: datetime,
    weeks: bool,
) -> list[DayTotals]:
    params: dict[str, Any] = {
        "me": pair[0],
        "partner": pair[1],
        "first": first,
        "last": last,
        "open_after": now - RESPONSE_WINDOW,
    }
    for n, (start, seconds) in enumerate(segments):
        params[f"offset_{n}"] = seconds
        if n:
            params[f"from_{n}"] = start
    return [_day_totals(row) for row in fetch(_days_statement(len(segments) - 1, weeks), params)]


# Both partners' shared check-ins recorded in [start, end), each with the responses to
# it: the rows, where quarters cannot say it.
_ROWS = (
    select(
        CheckIn.id,
        CheckIn.author_id,
        CheckIn.tone,
        CheckIn.energy,
        CheckIn.recorded_at,
        CheckIn.created_at,
        Response.author_id.label("response_author_id"),
        Response.created_at.label("response_created_at"),
        Response.felt_heard,
    )
    .outerjoin(Response, Response.checkin_id == CheckIn.id)
    .where(
        CheckIn.author_id.in_(
            [bindparam(name, type_=CheckIn.author_id.type) for name in ("me", "partner")]
        ),
        live(),
        CheckIn.visibility == Visibility.PARTNER.value,
        CheckIn.recorded_at >= bindparam("start"),
        CheckIn.recorded_at < bindparam("end"),
    )
)


def days_from_rows(
    pair: tuple[Any, Any], tz: ZoneInfo, start: datetime, end: datetime, now: datetime
) -> list[DayTotals]:
    """The days of [start, end) folded from the rows themselves."""
    rows = fetch(_ROWS, {"me": pair[0], "partner": pair[1], "start": start, "end": end})
    checkins: dict[Any, SharedCheckIn] = {}
    responses = []
    for (
        checkin_id,
        author_id,
        tone,
        energy,
        recorded_at,
        created_at,
        response_author_id,
        response_created_at,
        felt_heard,
    ) in rows:
        if checkin_id not in checkins:
            checkins[checkin_id] = SharedCheckIn(
                checkin_id, author_id, _TONES[tone], energy, recorded_at, created_at
            )
        if response_author_id is not None:
            responses.append(
                ResponseFact(checkin_id, response_author_id, response_created_at, felt_heard)
            )
    return fold_days(checkins.values(), responses, tz, now, pair)


def shared_days(
    pair: tuple[Any, Any],
    tz: ZoneInfo,
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    weeks: bool = False,
) -> list[DayTotals]:
    """The pair's days (local to `tz`) of their shared check-ins recorded in [start, end).

    With `weeks` (for a trend, which needs no more), a week's quarters come summed up as
    one day, its Monday: a row per person and week. Days read from rows stay days."""
    first = -((EPOCH - start) // QUARTER)  # the first whole quarter
    last = _quarter_of(end)
    segments = offset_segments(tz.key, first, last) if first < last else None
    if segments is None:
        return days_from_rows(pair, tz, start, end, now)
    days = _days_from_quarters(pair, first, last, segments, now, weeks)
    for edge_start, edge_end in ((start, EPOCH + first * QUARTER), (EPOCH + last * QUARTER, end)):
        if edge_start < edge_end:
            days += days_from_rows(pair, tz, edge_start, edge_end, now)
    return days
