"""Weekly summaries: the days of the weeks asked for (`week_days`), summed up by the pure
core in the caller's time zone."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from api.attunement.summary import (
    DayTotals,
    IsoWeek,
    Person,
    current_week,
    summarize_week_days,
    summarize_weeks_days,
)
from api.auth.caller import Caller
from api.clock import now
from api.couples.pairing import Pairing, require_pairing
from api.guidance.week_days import shared_days
from api.http.errors import ApiError
from api.http.language import texts_for_people
from api.questions.summary import questions_answered_together


def _days_of_weeks(
    caller: Caller,
    pairing: Pairing,
    tz: ZoneInfo,
    oldest: IsoWeek,
    newest: IsoWeek,
    moment: datetime,
    *,
    weeks: bool = False,
) -> list[DayTotals]:
    """The days of the weeks asked for (of this pairing), at the size of the answer."""
    start, _ = oldest.bounds(tz)
    _, end = newest.bounds(tz)
    pair = (caller.id, pairing.partner.id)
    return shared_days(pair, tz, max(start, pairing.paired_at), end, moment, weeks=weeks)


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
    days = _days_of_weeks(caller, pairing, tz, week.previous(), week, moment)
    caller_person, partner = _people(caller, pairing)
    return summarize_week_days(
        week,
        tz,
        caller_person,
        partner,
        days,
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
    days = _days_of_weeks(caller, pairing, tz, oldest, newest, moment, weeks=True)
    caller_person, partner = _people(caller, pairing)
    rows = summarize_weeks_days(newest, weeks, caller_person, partner, days)
    return {"weeks": rows}
