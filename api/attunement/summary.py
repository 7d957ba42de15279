"""The weekly connection summary: the arithmetic, in pure Python, time and zone passed in.

Definitions (API.md, ATTUNEMENT.md):
- every day and week boundary is the caller's local time, for both partners' check-ins;
- a check-in's 24-hour response window starts at its `created_at`;
- response_rate: of the week's check-ins whose window has closed or that were answered,
  the share the other partner answered within the window (an open, unanswered bid is
  awaiting, not missed);
- felt_heard_rate: of the rated responses, the share rated true; good enough from 0.3;
- turned_toward: the same windows, one direction at a time (who answered whom);
- repairs: check-ins with a response rated not heard and a later one rated heard.

The words live in `summary_catalog.py`; highlights and the suggestion only say what the
numbers hold (nothing "answered" or "landed" without a response or a rating, no "what
you did works" below a 0.5 response rate or without good enough), speak to what the
caller can do, and never grade the couple against lab figures or count streaks.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean
from typing import Any
from zoneinfo import ZoneInfo

from api.attunement import summary_catalog as sc
from api.attunement.words import Translator, identity, plural, render
from models.vocabulary import Quadrant, Tone, quadrant

RESPONSE_WINDOW = timedelta(hours=24)
UTC_ZONE = ZoneInfo("UTC")
GOOD_ENOUGH = 0.3  # Tronick: even well-attuned pairs are in sync about 30% of the time
HIGH_FELT_HEARD = 0.7
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


@dataclass(frozen=True)
class DayTotals:
    """What one person's shared check-ins of one local day are made of: all the summary
    needs, at the size of the answer rather than of the history.

    `considered`: check-ins answered by someone else, or whose window has closed;
    `answered_in_time`: answered by someone else within the window; `toward_*`: the same
    counting only the other partner's answers (turned_toward); `responses`, `rated` and
    `heard` count the responses to these check-ins, `repairs` the check-ins repaired.
    """

    author_id: Hashable
    day: date
    checkins: int = 0
    energy: int = 0
    quadrants: Mapping[str, int] = field(default_factory=dict)
    tones: Mapping[str, int] = field(default_factory=dict)
    responses: int = 0
    rated: int = 0
    heard: int = 0
    considered: int = 0
    answered_in_time: int = 0
    toward_considered: int = 0
    toward_answered: int = 0
    repairs: int = 0

    def __add__(self, other: DayTotals) -> DayTotals:
        """The same person's day, put together from two parts of it."""
        assert (self.author_id, self.day) == (other.author_id, other.day)
        return DayTotals(
            self.author_id,
            self.day,
            quadrants=Counter(self.quadrants) + Counter(other.quadrants),
            tones=Counter(self.tones) + Counter(other.tones),
            **{name: getattr(self, name) + getattr(other, name) for name in _DAY_COUNTS},
        )


_DAY_COUNTS = (
    "checkins",
    "energy",
    "responses",
    "rated",
    "heard",
    "considered",
    "answered_in_time",
    "toward_considered",
    "toward_answered",
    "repairs",
)


def fold_days(
    checkins: Iterable[SharedCheckIn],
    responses: Iterable[ResponseFact],
    tz: ZoneInfo,
    now: datetime,
    pair: tuple[Hashable, Hashable],
) -> list[DayTotals]:
    """Rows folded into days (local to `tz`), by the definitions of the module docstring;
    `pair` names the two partners, each the other's responder for turned_toward."""
    checkins = list(checkins)
    answers: dict[Hashable, list[ResponseFact]] = defaultdict(list)
    listed = {c.id for c in checkins}
    for response in responses:
        if response.checkin_id in listed:
            answers[response.checkin_id].append(response)
    other = {pair[0]: pair[1], pair[1]: pair[0]}
    days = []
    for checkin in checkins:
        closes = checkin.created_at + RESPONSE_WINDOW
        mine = answers.get(checkin.id, [])
        replies = [r for r in mine if r.author_id != checkin.author_id]
        theirs = [r for r in replies if r.author_id == other.get(checkin.author_id)]
        missed = [r.created_at for r in replies if r.felt_heard is False]
        landed = [r.created_at for r in replies if r.felt_heard is True]
        rated = [r.felt_heard for r in mine if r.felt_heard is not None]
        toward = checkin.author_id in other and (bool(theirs) or now >= closes)
        days.append(
            DayTotals(
                checkin.author_id,
                checkin.recorded_at.astimezone(tz).date(),
                checkins=1,
                energy=checkin.energy,
                quadrants={checkin.quadrant.value: 1},
                tones={checkin.tone.value: 1},
                responses=len(mine),
                rated=len(rated),
                heard=sum(rated),
                considered=int(bool(replies) or now >= closes),
                answered_in_time=int(any(r.created_at <= closes for r in replies)),
                toward_considered=int(toward),
                toward_answered=int(toward and any(r.created_at <= closes for r in theirs)),
                repairs=int(bool(missed and landed and max(landed) > min(missed))),
            )
        )
    return list(merged(days).values())


def merged(days: Iterable[DayTotals]) -> dict[tuple[Hashable, date], DayTotals]:
    """Days by (person, day), parts of the same day put together."""
    result: dict[tuple[Hashable, date], DayTotals] = {}
    for day in days:
        key = (day.author_id, day.day)
        result[key] = result[key] + day if key in result else day
    return result


def _stats_of_days(days: Iterable[DayTotals]) -> ResponseStats:
    days = list(days)
    considered = sum(d.considered for d in days)
    rated = sum(d.rated for d in days)
    return ResponseStats(
        responses=sum(d.responses for d in days),
        response_rate=rounded(sum(d.answered_in_time for d in days) / considered)
        if considered
        else None,
        awaiting_response=sum(d.checkins - d.considered for d in days),
        felt_heard_rate=rounded(sum(d.heard for d in days) / rated) if rated else None,
    )


def rounded(value: float | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def response_stats(
    checkins: Sequence[SharedCheckIn], responses: Iterable[ResponseFact], now: datetime
) -> ResponseStats:
    """How the bids among `checkins` were answered (the module docstring's definitions)."""
    return _stats_of_days(fold_days(checkins, responses, UTC_ZONE, now, (None, None)))


def _partner_stats(person: Person, mine: Sequence[DayTotals]) -> dict[str, Any]:
    quadrants = {q.value: 0 for q in Quadrant}
    tones: Counter[str] = Counter()
    for day in mine:
        for name, count in day.quadrants.items():
            quadrants[name] += count
        tones.update(day.tones)
    tone_order = {tone: i for i, tone in enumerate(Tone)}
    counts = {Tone(name): count for name, count in tones.items() if count}
    top = sorted(counts, key=lambda t: (-counts[t], tone_order[t]))[:TOP_TONES]
    checkins = sum(day.checkins for day in mine)
    return {
        "user_id": person.id,
        "display_name": person.display_name,
        "checkins": checkins,
        "days_checked_in": sum(1 for day in mine if day.checkins),
        # The mean of whole numbers: their sum over their count, as fmean of them gives.
        "average_energy": rounded(sum(day.energy for day in mine) / checkins) if checkins else None,
        "quadrants": quadrants,
        "top_tones": [t.value for t in top],
    }


def _daily_means(mine: Sequence[DayTotals]) -> dict[date, float]:
    return {day.day: day.energy / day.checkins for day in mine if day.checkins}


class Percent(int):
    """A share in whole percent, written the way the answer's language writes one."""


def _percent(rate: float) -> Percent:
    return Percent(round(rate * 100))


def _share(direction: dict[str, int]) -> float | None:
    return direction["answered"] / direction["of"] if direction["of"] else None


def felt_heard_band(rate: float | None) -> str | None:
    """ "high" from 0.7, "good_enough" from 0.3, else "low"; null without a rating."""
    if rate is None:
        return None
    if rate >= HIGH_FELT_HEARD:
        return "high"
    return "good_enough" if rate >= GOOD_ENOUGH else "low"


def _turned_toward_days(
    days: Iterable[DayTotals], caller: Hashable, partner: Hashable
) -> dict[str, dict[str, int]]:
    """turned_toward, from days: who answered whom."""
    days = list(days)
    result = {}
    for key, author in (("you", partner), ("partner", caller)):
        theirs = [d for d in days if d.author_id == author]
        result[key] = {
            "answered": sum(d.toward_answered for d in theirs),
            "of": sum(d.toward_considered for d in theirs),
        }
    return result


class _Words:
    def __init__(self, translate: Translator, partner: Person) -> None:
        self.translate = translate
        self.partner = partner.display_name

    def __call__(self, message: str, **values: object) -> str:
        shown = {
            key: render(self.translate, sc.PERCENT, {"number": int(value)})
            if isinstance(value, Percent)
            else value
            for key, value in values.items()
        }
        return render(self.translate, message, {"partner": self.partner, **shown})

    def count(self, pair: tuple[str, str], count: int) -> str:
        return self(plural(count, *pair), count=count)


def _direction_line(
    words: _Words, direction: dict[str, int], lines: tuple[str, str, str, str]
) -> str:
    one, both, every, some = lines
    answered, of = direction["answered"], direction["of"]
    if answered == of == 1:
        return words(one)
    if answered == of == 2:
        return words(both)
    return words(every if answered == of else some, answered=answered, of=of)


def _highlights(
    words: _Words,
    total_checkins: int,
    together: dict[str, Any],
    stats: ResponseStats,
    previous: ResponseStats,
) -> list[str]:
    """What went well, and only what the numbers hold."""
    lines = []
    both_days = together["days_both_checked_in"]
    if both_days:
        lines.append(words.count(sc.BOTH_CHECKED_IN, both_days))
    if total_checkins and not both_days:
        lines.append(words.count(sc.BIDS_SHARED, total_checkins))
    you, partner = together["turned_toward"]["you"], together["turned_toward"]["partner"]
    if you["answered"]:
        lines.append(
            _direction_line(
                words,
                you,
                (
                    sc.YOU_ANSWERED_ONE,
                    sc.YOU_ANSWERED_BOTH,
                    sc.YOU_ANSWERED_ALL,
                    sc.YOU_ANSWERED_SOME,
                ),
            )
        )
    if partner["answered"]:
        lines.append(
            _direction_line(
                words,
                partner,
                (
                    sc.PARTNER_ANSWERED_ONE,
                    sc.PARTNER_ANSWERED_BOTH,
                    sc.PARTNER_ANSWERED_ALL,
                    sc.PARTNER_ANSWERED_SOME,
                ),
            )
        )
    if (
        stats.response_rate is not None
        and previous.response_rate is not None
        and stats.response_rate > previous.response_rate
    ):
        lines.append(
            words(
                sc.MORE_THAN_LAST_WEEK,
                before=_percent(previous.response_rate),
                percent=_percent(stats.response_rate),
            )
        )
    band = together["felt_heard_band"]
    if band is not None:
        message = {
            "high": sc.FELT_HEARD_HIGH,
            "good_enough": sc.FELT_HEARD_GOOD_ENOUGH,
            "low": sc.FELT_HEARD_LOW,
        }[band]
        lines.append(words(message, percent=_percent(stats.felt_heard_rate or 0)))
    if together["repairs"]:
        lines.append(words.count(sc.REPAIRS, together["repairs"]))
    if together["average_energy_gap"] is not None and together["average_energy_gap"] < 2:
        lines.append(words(sc.ENERGY_CLOSE))
    if together["questions_answered_together"]:
        lines.append(words.count(sc.QUESTIONS_TOGETHER, together["questions_answered_together"]))
    return lines


def _suggestion(
    words: _Words, total_checkins: int, together: dict[str, Any], stats: ResponseStats
) -> dict[str, Any]:
    """One small thing the caller can try next week; never about what the partner didn't do."""
    gap = together["average_energy_gap"]
    you, partner = together["turned_toward"]["you"], together["turned_toward"]["partner"]
    your_share, their_share = _share(you), _share(partner)
    you_below = your_share is not None and their_share is not None and your_share < their_share
    few_replies = stats.response_rate is not None and stats.response_rate < FEW_RESPONSES
    # One direction answered less than half: a one-sided week, whatever the overall rate.
    one_sided = any(
        share is not None and share < FEW_RESPONSES for share in (your_share, their_share)
    )
    band = together["felt_heard_band"]

    if total_checkins == 0:
        return _suggest(
            words,
            "suggestion.check_in_daily",
            "reach_out",
            sc.CHECK_IN_DAILY,
            signals=["no_checkins"],
        )
    if few_replies or one_sided:
        # Answering more is the caller's to do only where the caller answered less.
        if you_below:
            return _suggest(
                words,
                "suggestion.answer_one_bid_a_day",
                "presence",
                sc.ANSWER_ONE_BID_A_DAY,
                reason=None if you["answered"] else plural(you["of"], *sc.REASON_BIDS_WAITING),
                reason_values={"answered": you["answered"], "of": you["of"], "count": you["of"]},
                signals=["your_share_below_partner"],
            )
        return _suggest(
            words,
            "suggestion.say_what_helps",
            "self_attunement",
            sc.SAY_WHAT_HELPS,
            reason=sc.REASON_FEW_REPLIES if few_replies else sc.REASON_ONE_SIDED,
            reason_values={
                "percent": _percent(stats.response_rate or 0),
                "answered": you["answered"],
                "of": you["of"],
            },
            signals=["few_replies" if few_replies else "one_sided"],
        )
    if gap is not None and gap >= LARGE_ENERGY_GAP:
        return _suggest(
            words,
            "suggestion.check_pace",
            "pace",
            sc.CHECK_PACE,
            reason_values={"gap": gap},
            signals=["energy_gap"],
        )
    if band == "low":
        return _suggest(
            words,
            "suggestion.ask_did_that_help",
            "reflect",
            sc.ASK_DID_THAT_HELP,
            reason=sc.REASON_FELT_HEARD_LOW,
            reason_values={"percent": _percent(stats.felt_heard_rate or 0)},
            signals=["felt_heard_low"],
        )
    if stats.responses and band is None:
        return _suggest(
            words,
            "suggestion.ask_did_that_help",
            "reflect",
            sc.ASK_DID_THAT_HELP,
            reason=sc.REASON_NOT_RATED,
            signals=["not_rated"],
        )
    if (
        stats.response_rate is not None
        and stats.response_rate >= FEW_RESPONSES
        and together["good_enough"]
    ):
        text = sc.KEEP_TURNING_TOWARD_HIGH if band == "high" else sc.KEEP_TURNING_TOWARD_GOOD_ENOUGH
        return _suggest(
            words,
            "suggestion.keep_turning_toward",
            "presence",
            {**sc.KEEP_TURNING_TOWARD, "text": text},
            reason_values={
                "percent": _percent(stats.response_rate),
                "felt": _percent(stats.felt_heard_rate or 0),
            },
            signals=[f"felt_heard_{band}"],
        )
    return _suggest(
        words,
        "suggestion.notice_one_moment",
        "presence",
        sc.NOTICE_ONE_MOMENT,
        signals=["awaiting_response"],
    )


def _suggest(
    words: _Words,
    suggestion_id: str,
    kind: str,
    messages: Mapping[str, Any],
    *,
    reason: str | None = None,
    reason_values: Mapping[str, object] | None = None,
    signals: Sequence[str] = (),
) -> dict[str, Any]:
    return {
        "id": suggestion_id,
        "variant": f"{suggestion_id}/0",
        "kind": kind,
        "title": words(messages["title"]),
        "text": words(messages["text"]),
        "phrases": [words(p) for p in messages["phrases"]],
        "reason": words(reason or messages["reason"], **(reason_values or {})),
        "signals": list(signals),
    }


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
    translate: Translator = identity,
) -> dict[str, Any]:
    """The summary of `week` from the check-ins and responses of that week and the one before.

    `checkins` may hold both weeks' shared check-ins; each is placed by its local day.
    `questions_answered_together` is the number of this week's dates on which both
    answered the couple's daily question (counted by the caller's layer). `translate`
    (gettext-like) puts the highlights and the suggestion into the request's language.
    """
    days = fold_days(checkins, responses, tz, now, (caller.id, partner.id))
    return summarize_week_days(
        week,
        tz,
        caller,
        partner,
        days,
        questions_answered_together=questions_answered_together,
        translate=translate,
    )


def summarize_week_days(
    week: IsoWeek,
    tz: ZoneInfo,
    caller: Person,
    partner: Person,
    days: Iterable[DayTotals],
    *,
    questions_answered_together: int = 0,
    translate: Translator = identity,
) -> dict[str, Any]:
    """summarize_week from days (local to `tz`) of that week and the one before, whatever
    they were read from; `now` is already in them (which windows are still open)."""
    by_day = merged(days).values()
    this_week = [d for d in by_day if week.monday <= d.day <= week.sunday]
    previous_week = week.previous()
    last_week = [d for d in by_day if previous_week.monday <= d.day <= previous_week.sunday]

    by_author: dict[Hashable, list[DayTotals]] = {caller.id: [], partner.id: []}
    for day in this_week:
        by_author.setdefault(day.author_id, []).append(day)

    mine, theirs = (_daily_means(by_author[p.id]) for p in (caller, partner))
    both_days = sorted(set(mine) & set(theirs))
    gap = fmean(abs(mine[d] - theirs[d]) for d in both_days) if both_days else None
    stats = _stats_of_days(this_week)
    previous = _stats_of_days(last_week)
    total_checkins = sum(d.checkins for d in this_week)
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
        "turned_toward": _turned_toward_days(this_week, caller.id, partner.id),
        "repairs": sum(d.repairs for d in this_week),
        "felt_heard_band": felt_heard_band(stats.felt_heard_rate),
        "questions_answered_together": questions_answered_together,
    }
    words = _Words(translate, partner)
    return {
        "week": str(week),
        "start_date": week.monday.isoformat(),
        "end_date": week.sunday.isoformat(),
        "timezone": tz.key,
        "partners": [_partner_stats(p, by_author[p.id]) for p in (caller, partner)],
        "together": together,
        "previous_week": {
            "checkins": sum(d.checkins for d in last_week),
            "response_rate": previous.response_rate,
            "felt_heard_rate": previous.felt_heard_rate,
        },
        "highlights": _highlights(words, total_checkins, together, stats, previous),
        "suggestion": _suggestion(words, total_checkins, together, stats),
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
    days = fold_days(checkins, responses, tz, now, (caller.id, partner.id))
    return summarize_weeks_days(newest, count, caller, partner, days)


def summarize_weeks_days(
    newest: IsoWeek, count: int, caller: Person, partner: Person, days: Iterable[DayTotals]
) -> list[dict[str, Any]]:
    """summarize_weeks from days, whatever they were read from."""
    by_week: dict[IsoWeek, list[DayTotals]] = defaultdict(list)
    for day in merged(days).values():
        by_week[IsoWeek.containing(day.day)].append(day)
    rows = []
    for back in range(count):
        week = newest.previous(back) if back else newest
        inside = by_week.get(week, [])
        stats = _stats_of_days(inside)
        rows.append(
            {
                "week": str(week),
                "checkins": [
                    sum(d.checkins for d in inside if d.author_id == caller.id),
                    sum(d.checkins for d in inside if d.author_id == partner.id),
                ],
                "response_rate": stats.response_rate,
                "felt_heard_rate": stats.felt_heard_rate,
            }
        )
    return rows
