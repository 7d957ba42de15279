"""Weekly summaries: the rows of the weeks asked for, read in one statement, then summed up
by the pure core in the caller's time zone."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select

from api.attunement.summary import (
    IsoWeek,
    Person,
    ResponseFact,
    SharedCheckIn,
    current_week,
    summarize_week,
    summarize_weeks,
)
from api.auth.caller import Caller
from api.clock import now
from api.couples.pairing import Pairing, require_pairing
from api.couples.visibility import live
from api.http.errors import ApiError
from api.http.language import texts_for_people
from api.http.reads import fetch
from api.questions.summary import questions_answered_together
from models import CheckIn, Response
from models.vocabulary import Tone, Visibility

_TONES = {tone.value: tone for tone in Tone}

# Both partners' shared check-ins recorded in [start, end), each with the responses to
# it: one statement, built once, over two bounded ranges of the author index.
_ROWS_OF_WEEKS = (
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


def _rows_of_weeks(
    caller: Caller, pairing: Pairing, tz: ZoneInfo, oldest: IsoWeek, newest: IsoWeek
) -> tuple[list[SharedCheckIn], list[ResponseFact]]:
    """Just the rows of the weeks asked for (of this pairing), whatever the history."""
    start, _ = oldest.bounds(tz)
    _, end = newest.bounds(tz)
    rows = fetch(
        _ROWS_OF_WEEKS,
        {
            "me": caller.id,
            "partner": pairing.partner.id,
            "start": max(start, pairing.paired_at),
            "end": end,
        },
    )
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
    return list(checkins.values()), responses


def _people(caller: Caller, pairing: Pairing) -> tuple[Person, Person]:
    return (
        Person(caller.id, caller.display_name),
        Person(pairing.partner.id, pairing.partner.display_name),
    )


def _week_asked(text: str | None, moment: datetime, tz: ZoneInfo) -> IsoWeek:
    if text is None:
        return current_week(moment, tz)
    try:
        return IsoWeek.parse(text)
    except ValueError as exc:
        raise ApiError(
            422, "validation_error", f"week: {exc}", errors={"week": [str(exc)]}
        ) from exc


def weekly_summary(caller: Caller, week_text: str | None) -> dict[str, Any]:
    """The summary of the week asked for (default: this one), in the caller's time zone."""
    pairing = require_pairing(caller)
    tz = ZoneInfo(caller.timezone)
    moment = now()
    week = _week_asked(week_text, moment, tz)
    checkins, responses = _rows_of_weeks(caller, pairing, tz, week.previous(), week)
    caller_person, partner = _people(caller, pairing)
    return summarize_week(
        week,
        tz,
        caller_person,
        partner,
        checkins,
        responses,
        moment,
        questions_answered_together=questions_answered_together(
            pairing.couple_id, week.monday, week.sunday
        ),
        translate=texts_for_people(),
    )


def weekly_trend(caller: Caller, weeks: int) -> dict[str, Any]:
    """The last `weeks` weeks as compact rows for a trend chart, newest first."""
    pairing = require_pairing(caller)
    tz = ZoneInfo(caller.timezone)
    moment = now()
    newest = current_week(moment, tz)
    oldest = newest.previous(weeks - 1)
    checkins, responses = _rows_of_weeks(caller, pairing, tz, oldest, newest)
    caller_person, partner = _people(caller, pairing)
    rows = summarize_weeks(newest, weeks, tz, caller_person, partner, checkins, responses, moment)
    return {"weeks": rows}
