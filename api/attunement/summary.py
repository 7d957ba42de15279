"""The weekly connection summary: the arithmetic, in pure Python, time and zone passed in.

Definitions (API.md, ATTUNEMENT.md):
- every day and week boundary is the caller's local time, for both partners' check-ins;
- a check-in's 24-hour response window starts at its `created_at`;
- response_rate: of the week's check-ins whose window has closed or that were answered,
  the share the other partner answered within the window (an open, unanswered bid is
  awaiting, not missed);
- felt_heard_rate: of the rated responses, the share rated true; good enough from 0.3.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean
from typing import Any
from zoneinfo import ZoneInfo

from models.vocabulary import Quadrant, Tone, quadrant

RESPONSE_WINDOW = timedelta(hours=24)
GOOD_ENOUGH = 0.3
TURNING_TOWARD = 0.86  # Gottman: couples who stayed together answered about 86% of bids
FEW_RESPONSES = 0.5
LARGE_ENERGY_GAP = 4.0
TOP_TONES = 3

_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
# A summary also reads the week before, and bounds are local midnights in any zone: years
# 1 and 9999 would step off the calendar. Before 1970 nobody used this app.
FIRST_YEAR, LAST_YEAR = 1970, 9998


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def previous(self, weeks: int = 1) -> IsoWeek:
        return IsoWeek.containing(self.monday - timedelta(weeks=weeks))

    @staticmethod
    def containing(day: date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return IsoWeek(year, week)

    @staticmethod
    def parse(text: str) -> IsoWeek:
        """`2026-W48`; raises ValueError for anything else, or a week the year lacks."""
        match = _WEEK.fullmatch(text)
        if match is None:
            raise ValueError("Must be an ISO week such as 2026-W48.")
        week = IsoWeek(int(match.group(1)), int(match.group(2)))
        if not FIRST_YEAR <= week.year <= LAST_YEAR:
            raise ValueError(f"Must be a week of the years {FIRST_YEAR} to {LAST_YEAR}.")
        try:
            week.monday  # noqa: B018 - validates: 2026-W53 or W00 do not exist
        except ValueError as exc:
            raise ValueError(f"{text} is not a week of {week.year}.") from exc
        return week

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) of the week as aware datetimes: local midnights, DST included."""
        start = datetime.combine(self.monday, time(0), tzinfo=tz)
        end = datetime.combine(self.monday + timedelta(days=7), time(0), tzinfo=tz)
        return start, end


def current_week(now: datetime, tz: ZoneInfo) -> IsoWeek:
    return IsoWeek.containing(now.astimezone(tz).date())


@dataclass(frozen=True)
class SharedCheckIn:
    id: Hashable
    author_id: Hashable
    tone: Tone
    energy: int
    recorded_at: datetime
    created_at: datetime

    @property
    def quadrant(self) -> Quadrant:
        return quadrant(self.tone, self.energy)


@dataclass(frozen=True)
class ResponseFact:
    checkin_id: Hashable
    author_id: Hashable
    created_at: datetime
    felt_heard: bool | None


@dataclass(frozen=True)
class Person:
    id: Hashable
    display_name: str


@dataclass(frozen=True)
class ResponseStats:
    responses: int
    response_rate: float | None
    awaiting_response: int
    felt_heard_rate: float | None


def rounded(value: float | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


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


def _percent(rate: float) -> str:
    return f"{round(rate * 100)}%"


def _highlights(
    total_checkins: int,
    together: dict[str, Any],
    stats: ResponseStats,
    previous: ResponseStats,
) -> list[str]:
    lines = []
    both_days = together["days_both_checked_in"]
    if both_days:
        lines.append(
            "You both checked in on the same day once this week."
            if both_days == 1
            else f"You both checked in on {both_days} days this week."
        )
    total = total_checkins
    if total and not both_days:
        lines.append(
            "One check-in shared this week: a bid for connection."
            if total == 1
            else f"{total} check-ins shared this week: each one a bid for connection."
        )
    if stats.responses:
        lines.append(
            "You turned toward each other's check-ins once."
            if stats.responses == 1
            else f"You turned toward each other's check-ins {stats.responses} times."
        )
    if stats.response_rate is not None and stats.response_rate >= TURNING_TOWARD:
        lines.append(
            f"{_percent(stats.response_rate)} of bids were answered within a day: "
            "that's what lasting couples do."
        )
    elif (
        stats.response_rate is not None
        and previous.response_rate is not None
        and stats.response_rate > previous.response_rate
    ):
        lines.append(
            f"More bids answered than last week ({_percent(previous.response_rate)} → "
            f"{_percent(stats.response_rate)})."
        )
    if together["good_enough"]:
        lines.append(
            f"Responses landed {_percent(stats.felt_heard_rate or 0)} of the time. "
            "Attunement doesn't need to be perfect: this is good enough."
        )
    if together["average_energy_gap"] is not None and together["average_energy_gap"] < 2:
        lines.append("Your energy was close on the days you both checked in.")
    return lines


def _suggestion(
    partner: Person, total_checkins: int, together: dict[str, Any], stats: ResponseStats
) -> dict[str, Any]:
    name = partner.display_name
    gap = together["average_energy_gap"]
    if total_checkins == 0:
        return {
            "id": "suggestion.check_in_daily",
            "kind": "reach_out",
            "title": "Share one check-in a day",
            "text": "Next week, try one short check-in a day each, and ask "
            f"{name} how they are when you see theirs.",
            "phrases": ["How are you feeling today, really?"],
            "reason": "No check-ins were shared this week.",
        }
    if stats.response_rate is not None and stats.response_rate < FEW_RESPONSES:
        return _answer_a_bid(name, stats.response_rate)
    if gap is not None and gap >= LARGE_ENERGY_GAP:
        return {
            "id": "suggestion.check_pace",
            "kind": "pace",
            "title": "Check your pace before you talk",
            "text": "Your energies were far apart on the days you both checked in. Before "
            f"you talk, glance at {name}'s energy and meet them there first.",
            "phrases": ["I'm at a 7 today, how about you?", "Want to go slow tonight?"],
            "reason": f"Your average energy gap was {gap} on days you both checked in.",
        }
    if stats.felt_heard_rate is not None and stats.felt_heard_rate < GOOD_ENOUGH:
        return _ask_did_that_help(
            name, f"Responses felt heard {_percent(stats.felt_heard_rate)} of the time."
        )
    if stats.response_rate is not None and stats.response_rate < TURNING_TOWARD:
        return _answer_a_bid(name, stats.response_rate)
    if stats.responses and stats.felt_heard_rate is None:
        return _ask_did_that_help(name, "No response was rated this week.")
    return {
        "id": "suggestion.keep_turning_toward",
        "kind": "presence",
        "title": "Keep turning toward each other",
        "text": "What you did this week works. Keep answering each other's check-ins, "
        "and notice one moment you felt close.",
        "phrases": ["I liked how we were with each other this week."],
        "reason": "Bids were answered and responses landed.",
    }


def _answer_a_bid(name: str, rate: float) -> dict[str, Any]:
    return {
        "id": "suggestion.answer_one_bid_a_day",
        "kind": "presence",
        "title": "Answer one bid a day",
        "text": f"When {name} checks in, send one small response within the day: a "
        "reflection, a hug, a question. Small and often beats perfect.",
        "phrases": ["I saw your check-in. I'm here.", "How are you holding up?"],
        "reason": f"{_percent(rate)} of check-ins got a response within a day.",
    }


def _ask_did_that_help(name: str, reason: str) -> dict[str, Any]:
    return {
        "id": "suggestion.ask_did_that_help",
        "kind": "reflect",
        "title": "Ask \u201cdid that help?\u201d",
        "text": f"After you respond to {name}, ask whether it helped, and listen. "
        "Noticing a miss and repairing it is what attunement is made of.",
        "phrases": ["Did that help?", "Was that what you needed?"],
        "reason": reason,
    }


def summarize_week(
    week: IsoWeek,
    tz: ZoneInfo,
    caller: Person,
    partner: Person,
    checkins: Sequence[SharedCheckIn],
    responses: Sequence[ResponseFact],
    now: datetime,
) -> dict[str, Any]:
    """The summary of `week` from the check-ins and responses of that week and the one before.

    `checkins` may hold both weeks' shared check-ins; each is placed by its local day.
    """
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
    }
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
        "highlights": _highlights(len(this_week), together, stats, previous),
        "suggestion": _suggestion(partner, len(this_week), together, stats),
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
    """Compact rows for the trend chart, newest week first."""
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
