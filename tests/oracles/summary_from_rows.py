"""The weekly summary as it was computed before migration 0012, frozen: every shared
check-in of the weeks and every response to it, folded one by one.

Issue 22 asked that the summary stop reading rows and still give exactly the answers it
gave; the tests hold today's code to this one. The words (highlights, suggestion) are still
the module's own; what is frozen here is how rows became numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from datetime import date, datetime
from statistics import fmean
from typing import Any
from zoneinfo import ZoneInfo

from api.attunement.summary import (
    GOOD_ENOUGH,
    RESPONSE_WINDOW,
    TOP_TONES,
    IsoWeek,
    Person,
    ResponseFact,
    ResponseStats,
    SharedCheckIn,
    _highlights,
    _suggestion,
    _Words,
    felt_heard_band,
    rounded,
)
from api.attunement.words import identity
from models.vocabulary import Quadrant, Tone


def response_stats(
    checkins: Sequence[SharedCheckIn], responses: Iterable[ResponseFact], now: datetime
) -> ResponseStats:
    answers: dict[Hashable, list[ResponseFact]] = defaultdict(list)
    authors = {c.id: c.author_id for c in checkins}
    counted = [r for r in responses if r.checkin_id in authors]
    for response in counted:
        if response.author_id != authors[response.checkin_id]:
            answers[response.checkin_id].append(response)

    considered = answered_in_time = awaiting = 0
    for checkin in checkins:
        closes = checkin.created_at + RESPONSE_WINDOW
        replies = answers.get(checkin.id, [])
        if replies or now >= closes:
            considered += 1
            if any(r.created_at <= closes for r in replies):
                answered_in_time += 1
        else:
            awaiting += 1

    rated = [r.felt_heard for r in counted if r.felt_heard is not None]
    return ResponseStats(
        responses=len(counted),
        response_rate=rounded(answered_in_time / considered) if considered else None,
        awaiting_response=awaiting,
        felt_heard_rate=rounded(sum(rated) / len(rated)) if rated else None,
    )


def turned_toward(
    checkins: Sequence[SharedCheckIn],
    responses: Iterable[ResponseFact],
    now: datetime,
    caller: Hashable,
    partner: Hashable,
) -> dict[str, dict[str, int]]:
    """Each direction on its own: of the other's check-ins whose window closed or that
    were answered, how many each partner answered within the window."""
    replies = _replies(checkins, responses)
    result = {}
    for key, responder, author in (("you", caller, partner), ("partner", partner, caller)):
        of = answered = 0
        for checkin in checkins:
            if checkin.author_id != author:
                continue
            closes = checkin.created_at + RESPONSE_WINDOW
            theirs = [r for r in replies.get(checkin.id, []) if r.author_id == responder]
            if theirs or now >= closes:
                of += 1
                answered += any(r.created_at <= closes for r in theirs)
        result[key] = {"answered": answered, "of": of}
    return result


def repairs(checkins: Sequence[SharedCheckIn], responses: Iterable[ResponseFact]) -> int:
    """Check-ins with a response rated not heard, then a later one rated heard."""
    replies = _replies(checkins, responses)
    count = 0
    for checkin in checkins:
        rated = replies.get(checkin.id, [])
        missed = [r.created_at for r in rated if r.felt_heard is False]
        landed = [r.created_at for r in rated if r.felt_heard is True]
        count += bool(missed and landed and max(landed) > min(missed))
    return count


def _replies(
    checkins: Sequence[SharedCheckIn], responses: Iterable[ResponseFact]
) -> dict[Hashable, list[ResponseFact]]:
    """The other partner's responses, by check-in."""
    authors = {c.id: c.author_id for c in checkins}
    replies: dict[Hashable, list[ResponseFact]] = defaultdict(list)
    for response in responses:
        if response.checkin_id in authors and response.author_id != authors[response.checkin_id]:
            replies[response.checkin_id].append(response)
    return replies


def _partner_stats(person: Person, mine: Sequence[SharedCheckIn], tz: ZoneInfo) -> dict[str, Any]:
    quadrants = {q.value: 0 for q in Quadrant}
    for checkin in mine:
        quadrants[checkin.quadrant.value] += 1
    tone_order = {tone: i for i, tone in enumerate(Tone)}
    counts = Counter(c.tone for c in mine)
    top = sorted(counts, key=lambda t: (-counts[t], tone_order[t]))[:TOP_TONES]
    return {
        "user_id": person.id,
        "display_name": person.display_name,
        "checkins": len(mine),
        "days_checked_in": len({c.recorded_at.astimezone(tz).date() for c in mine}),
        "average_energy": rounded(fmean(c.energy for c in mine)) if mine else None,
        "quadrants": quadrants,
        "top_tones": [t.value for t in top],
    }


def _daily_means(mine: Sequence[SharedCheckIn], tz: ZoneInfo) -> dict[date, float]:
    days: dict[date, list[int]] = defaultdict(list)
    for checkin in mine:
        days[checkin.recorded_at.astimezone(tz).date()].append(checkin.energy)
    return {day: fmean(energies) for day, energies in days.items()}


def summarize_week(
    week: IsoWeek,
    tz: ZoneInfo,
    caller: Person,
    partner: Person,
    checkins: Sequence[SharedCheckIn],
    responses: Sequence[ResponseFact],
    now: datetime,
    *,
    questions_answered_together: int = 0,
) -> dict[str, Any]:
    start, end = week.bounds(tz)
    previous_start, _ = week.previous().bounds(tz)
    this_week = [c for c in checkins if start <= c.recorded_at < end]
    last_week = [c for c in checkins if previous_start <= c.recorded_at < start]

    by_author: dict[Hashable, list[SharedCheckIn]] = {caller.id: [], partner.id: []}
    for checkin in this_week:
        by_author.setdefault(checkin.author_id, []).append(checkin)

    mine, theirs = (_daily_means(by_author[p.id], tz) for p in (caller, partner))
    both_days = sorted(set(mine) & set(theirs))
    gap = fmean(abs(mine[d] - theirs[d]) for d in both_days) if both_days else None
    stats = response_stats(this_week, responses, now)
    previous = response_stats(last_week, responses, now)
    together = {
        "days_both_checked_in": len(both_days),
        "average_energy_gap": rounded(gap),
        "responses": stats.responses,
        "response_rate": stats.response_rate,
        "awaiting_response": stats.awaiting_response,
        "felt_heard_rate": stats.felt_heard_rate,
        "good_enough": None
        if stats.felt_heard_rate is None
        else stats.felt_heard_rate >= GOOD_ENOUGH,
        "turned_toward": turned_toward(this_week, responses, now, caller.id, partner.id),
        "repairs": repairs(this_week, responses),
        "felt_heard_band": felt_heard_band(stats.felt_heard_rate),
        "questions_answered_together": questions_answered_together,
    }
    words = _Words(identity, partner)
    return {
        "week": str(week),
        "start_date": week.monday.isoformat(),
        "end_date": week.sunday.isoformat(),
        "timezone": tz.key,
        "partners": [_partner_stats(p, by_author[p.id], tz) for p in (caller, partner)],
        "together": together,
        "previous_week": {
            "checkins": len(last_week),
            "response_rate": previous.response_rate,
            "felt_heard_rate": previous.felt_heard_rate,
        },
        "highlights": _highlights(words, len(this_week), together, stats, previous),
        "suggestion": _suggestion(words, len(this_week), together, stats),
    }


def summarize_weeks(
    newest: IsoWeek,
    count: int,
    tz: ZoneInfo,
    caller: Person,
    partner: Person,
    checkins: Sequence[SharedCheckIn],
    responses: Sequence[ResponseFact],
    now: datetime,
) -> list[dict[str, Any]]:
    by_week: dict[IsoWeek, list[SharedCheckIn]] = defaultdict(list)
    for checkin in checkins:
        by_week[IsoWeek.containing(checkin.recorded_at.astimezone(tz).date())].append(checkin)
    rows = []
    for back in range(count):
        week = newest.previous(back) if back else newest
        inside = by_week.get(week, [])
        stats = response_stats(inside, responses, now)
        rows.append(
            {
                "week": str(week),
                "checkins": [
                    sum(1 for c in inside if c.author_id == caller.id),
                    sum(1 for c in inside if c.author_id == partner.id),
                ],
                "response_rate": stats.response_rate,
                "felt_heard_rate": stats.felt_heard_rate,
            }
        )
    return rows
