"""The weekly summary's arithmetic, without a database."""

from __future__ import annotations

import itertools
import random
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from api.attunement.summary import (
    IsoWeek,
    Person,
    ResponseFact,
    SharedCheckIn,
    current_week,
    response_stats,
    rounded,
    summarize_week,
    summarize_weeks,
)
from models.vocabulary import Tone

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
ME = Person("me", "Alex")
THEM = Person("them", "Sam")
W48 = IsoWeek(2026, 48)  # Monday 2026-11-23 .. Sunday 2026-11-29
AFTER_W48 = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def local(day: str, clock: str, tz: ZoneInfo = BERLIN) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=tz)


_ids = iter(range(10**6))


def c(author: Person, at: datetime, energy: int = 5, tone: Tone = Tone.OKAY, created=None):
    return SharedCheckIn(
        id=f"c{next(_ids)}",
        author_id=author.id,
        tone=tone,
        energy=energy,
        recorded_at=at.astimezone(UTC),
        created_at=(created or at).astimezone(UTC),
    )


def r(checkin: SharedCheckIn, by: Person, after: timedelta, felt_heard=None) -> ResponseFact:
    return ResponseFact(checkin.id, by.id, checkin.created_at + after, felt_heard)


def summary(checkins, responses=(), *, week=W48, tz=BERLIN, now=AFTER_W48):
    return summarize_week(week, tz, ME, THEM, list(checkins), list(responses), now)


def test_an_empty_week_has_zeros_and_nulls_and_suggests_checking_in():
    result = summary([])
    assert result["week"] == "2026-W48"
    assert (result["start_date"], result["end_date"]) == ("2026-11-23", "2026-11-29")
    assert result["timezone"] == "Europe/Berlin"
    for partner in result["partners"]:
        assert partner["checkins"] == 0 and partner["days_checked_in"] == 0
        assert partner["average_energy"] is None
        assert partner["quadrants"] == {
            "high_unpleasant": 0,
            "low_unpleasant": 0,
            "low_pleasant": 0,
            "high_pleasant": 0,
            "neutral": 0,
        }
        assert partner["top_tones"] == []
    assert result["together"] == {
        "days_both_checked_in": 0,
        "average_energy_gap": None,
        "responses": 0,
        "response_rate": None,
        "awaiting_response": 0,
        "felt_heard_rate": None,
        "good_enough": None,
        "turned_toward": {"you": {"answered": 0, "of": 0}, "partner": {"answered": 0, "of": 0}},
        "repairs": 0,
        "felt_heard_band": None,
        "questions_answered_together": 0,
    }
    assert result["previous_week"] == {
        "checkins": 0,
        "response_rate": None,
        "felt_heard_rate": None,
    }
    assert result["highlights"] == []
    assert result["suggestion"]["id"] == "suggestion.check_in_daily"
    assert [p["user_id"] for p in result["partners"]] == ["me", "them"]


def test_a_one_sided_week_counts_only_that_partner():
    checkins = [
        c(ME, local("2026-11-23", "09:00"), 3, Tone.SAD),
        c(ME, local("2026-11-23", "20:00"), 6, Tone.SAD),
        c(ME, local("2026-11-25", "09:00"), 8, Tone.HAPPY),
    ]
    result = summary(checkins)
    me, them = result["partners"]
    assert (me["checkins"], me["days_checked_in"], me["average_energy"]) == (3, 2, 5.67)
    assert me["quadrants"]["low_unpleasant"] == 1 and me["quadrants"]["high_unpleasant"] == 1
    assert me["quadrants"]["high_pleasant"] == 1
    assert me["top_tones"] == ["sad", "happy"]
    assert them["checkins"] == 0 and them["average_energy"] is None
    assert result["together"]["days_both_checked_in"] == 0
    assert result["together"]["average_energy_gap"] is None
    # Nobody answered and every window has closed: all three bids were missed.
    assert result["together"]["response_rate"] == 0.0


def test_the_energy_gap_is_the_mean_over_shared_days_of_daily_means():
    checkins = [
        c(ME, local("2026-11-23", "08:00"), 9),
        c(ME, local("2026-11-23", "21:00"), 7),  # my mean that day: 8
        c(THEM, local("2026-11-23", "12:00"), 3),  # gap 5
        c(ME, local("2026-11-24", "08:00"), 4),
        c(THEM, local("2026-11-24", "09:00"), 5),  # gap 1
        c(THEM, local("2026-11-25", "09:00"), 1),  # only one of us: not counted
    ]
    together = summary(checkins)["together"]
    assert together["days_both_checked_in"] == 2
    assert together["average_energy_gap"] == 3.0


def test_the_response_window_is_24_hours_from_created_at():
    at = local("2026-11-24", "10:00")
    in_time, late, missed = c(THEM, at), c(THEM, at), c(THEM, at)
    offline = c(THEM, at, created=at + timedelta(hours=30))  # synced later: window starts then
    responses = [
        r(in_time, ME, timedelta(hours=23, minutes=59)),
        r(late, ME, timedelta(hours=24, minutes=1)),
        r(offline, ME, timedelta(hours=20)),
    ]
    stats = response_stats([in_time, late, missed, offline], responses, AFTER_W48)
    assert stats.responses == 3
    assert stats.response_rate == 0.5  # in_time and offline, of four closed windows
    assert stats.awaiting_response == 0


def test_an_open_unanswered_bid_is_awaiting_not_missed():
    now = local("2026-11-25", "12:00")
    open_bid = c(THEM, now - timedelta(hours=2))
    answered_open = c(THEM, now - timedelta(hours=3))
    closed = c(THEM, now - timedelta(hours=30))
    stats = response_stats(
        [open_bid, answered_open, closed],
        [r(answered_open, ME, timedelta(hours=1)), r(closed, ME, timedelta(hours=2))],
        now,
    )
    assert stats.awaiting_response == 1
    assert stats.response_rate == 1.0  # both considered bids were answered in time


def test_only_the_other_partner_s_response_answers_a_bid():
    bid = c(THEM, local("2026-11-24", "10:00"))
    stats = response_stats([bid], [r(bid, THEM, timedelta(hours=1))], AFTER_W48)
    assert stats.response_rate == 0.0


def test_unrated_responses_leave_felt_heard_rate_null():
    bid = c(THEM, local("2026-11-24", "10:00"))
    result = summary([bid], [r(bid, ME, timedelta(hours=1))])
    assert result["together"]["felt_heard_rate"] is None
    assert result["together"]["good_enough"] is None
    assert result["suggestion"]["id"] == "suggestion.ask_did_that_help"


def test_felt_heard_rate_counts_rated_responses_and_30_percent_is_good_enough():
    bids = [c(THEM, local("2026-11-24", "10:00")) for _ in range(10)]
    responses = [r(b, ME, timedelta(hours=1), felt_heard=i < 3) for i, b in enumerate(bids)]
    responses.append(r(bids[0], ME, timedelta(hours=2)))  # unrated: not in the rate
    together = summary(bids, responses)["together"]
    assert together["responses"] == 11
    assert together["felt_heard_rate"] == 0.3
    assert together["good_enough"] is True
    responses[2] = r(bids[2], ME, timedelta(hours=1), felt_heard=False)
    together = summary(bids, responses)["together"]
    assert together["felt_heard_rate"] == 0.2 and together["good_enough"] is False


def test_rates_are_rounded_to_two_decimals_half_up():
    assert rounded(2 / 3) == 0.67
    assert rounded(0.125) == 0.13
    assert rounded(None) is None


def test_a_check_in_at_23_30_local_belongs_to_that_local_day():
    late = c(ME, local("2026-11-29", "23:30"))  # Sunday night in Berlin (22:30Z)
    early = c(ME, local("2026-11-23", "00:15"))  # Monday just after midnight: 23:15Z Sunday
    outside = c(ME, local("2026-11-22", "23:59"))
    result = summary([late, early, outside])
    assert result["partners"][0]["checkins"] == 2
    assert result["previous_week"]["checkins"] == 1


def test_a_week_across_the_dst_change_has_the_right_days():
    # Europe/Berlin leaves summer time on Sunday 2026-10-25 at 03:00.
    week = IsoWeek(2026, 43)
    assert (week.monday, week.sunday) == (date(2026, 10, 19), date(2026, 10, 25))
    start, end = week.bounds(BERLIN)
    assert start.astimezone(UTC) == datetime(2026, 10, 18, 22, 0, tzinfo=UTC)  # CEST
    assert end.astimezone(UTC) == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)  # CET
    sunday_night = c(ME, local("2026-10-25", "23:30"))  # 22:30Z: still this week
    monday_early = c(ME, datetime(2026, 10, 25, 23, 30, tzinfo=UTC))  # 00:30 Monday local
    result = summary([sunday_night, monday_early], week=week, now=AFTER_W48)
    assert result["partners"][0]["checkins"] == 1
    assert result["partners"][0]["days_checked_in"] == 1


def test_every_boundary_is_the_caller_s_even_for_a_partner_elsewhere():
    # Sam is in Los Angeles; Monday 16:00 there is already Tuesday 01:00 in Berlin.
    sam = c(THEM, local("2026-11-23", "16:00", LOS_ANGELES), 2)
    alex = c(ME, local("2026-11-24", "10:00"), 8)  # Tuesday in Berlin, 01:00 Tuesday in LA
    from_berlin = summary([sam, alex], tz=BERLIN)
    assert from_berlin["together"]["days_both_checked_in"] == 1
    assert from_berlin["together"]["average_energy_gap"] == 6.0
    from_la = summarize_week(W48, LOS_ANGELES, ME, THEM, [sam, alex], [], AFTER_W48)
    assert from_la["together"]["days_both_checked_in"] == 0
    assert from_la["timezone"] == "America/Los_Angeles"
    # Sunday 20:00 in LA is Monday 05:00 in Berlin: next week for a Berlin caller.
    sunday_la = c(THEM, local("2026-11-29", "20:00", LOS_ANGELES))
    assert summary([sunday_la], tz=BERLIN)["partners"][1]["checkins"] == 0
    assert (
        summarize_week(W48, LOS_ANGELES, ME, THEM, [sunday_la], [], AFTER_W48)["partners"][1][
            "checkins"
        ]
        == 1
    )


def test_previous_week_is_summarized_from_the_week_before():
    last = [c(THEM, local("2026-11-17", "10:00")), c(ME, local("2026-11-18", "10:00"))]
    responses = [r(last[0], ME, timedelta(hours=1), felt_heard=True)]
    previous = summary(last, responses)["previous_week"]
    assert previous == {"checkins": 2, "response_rate": 0.5, "felt_heard_rate": 1.0}


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2026-W48", True),
        ("2026-W53", True),
        ("2025-W53", False),
        ("2026-W00", False),
        ("2026-48", False),
        ("W48", False),
        ("2026-W5", False),
    ],
)
def test_week_parsing_rejects_weeks_that_do_not_exist(text, ok):
    if ok:
        assert str(IsoWeek.parse(text)) == text
    else:
        with pytest.raises(ValueError):
            IsoWeek.parse(text)


def test_the_current_week_is_the_caller_s_local_week():
    sunday_night_utc = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)
    assert current_week(sunday_night_utc, ZoneInfo("UTC")) == IsoWeek(2026, 48)
    assert current_week(sunday_night_utc, BERLIN) == IsoWeek(2026, 49)


def test_the_suggestion_follows_what_the_week_needs():
    day = "2026-11-24"
    few = [c(THEM, local(day, "10:00")) for _ in range(3)]
    # Alex answered none of Sam's three, and Sam had nothing of Alex's to answer: a share
    # is null, so the suggestion is what Alex can tell Sam (API.md); see the next test.
    assert summary(few)["suggestion"]["id"] == "suggestion.say_what_helps"
    mine = [c(ME, local(day, "09:00")) for _ in range(2)]
    answered = [r(b, THEM, timedelta(hours=1)) for b in mine]
    assert summary(few + mine, answered)["suggestion"]["id"] == "suggestion.answer_one_bid_a_day"

    gap = [c(ME, local(day, "09:00"), 9), c(THEM, local(day, "10:00"), 2)]
    answered = [r(gap[0], THEM, timedelta(hours=1), True), r(gap[1], ME, timedelta(hours=1), True)]
    assert summary(gap, answered)["suggestion"]["id"] == "suggestion.check_pace"

    bids = [c(THEM, local(day, "10:00"), 5) for _ in range(4)]
    missed = [r(b, ME, timedelta(hours=1), felt_heard=False) for b in bids]
    suggestion = summary(bids, missed)["suggestion"]
    assert suggestion["id"] == "suggestion.ask_did_that_help"
    assert suggestion["kind"] == "reflect" and "Did that help?" in suggestion["phrases"]

    landed = [r(b, ME, timedelta(hours=1), felt_heard=True) for b in bids]
    assert summary(bids, landed)["suggestion"]["id"] == "suggestion.keep_turning_toward"


def test_highlights_name_what_went_well_and_never_shame():
    day = "2026-11-24"
    checkins = [c(ME, local(day, "09:00"), 5), c(THEM, local(day, "10:00"), 6)]
    responses = [
        r(checkins[1], ME, timedelta(hours=1), True),
        r(checkins[0], THEM, timedelta(hours=2), True),
    ]
    highlights = summary(checkins, responses)["highlights"]
    assert "You both checked in on the same day once this week." in highlights
    assert "You answered Sam's check-in within a day." in highlights
    assert "Sam answered your check-in within a day." in highlights
    assert any("they are landing" in h for h in highlights)
    text = " ".join(highlights).lower()
    assert "streak" not in text and "only" not in text and "fail" not in text


def test_trend_rows_are_newest_first_with_counts_per_partner():
    checkins = [
        c(ME, local("2026-11-24", "10:00")),
        c(THEM, local("2026-11-24", "11:00")),
        c(THEM, local("2026-11-10", "11:00")),
    ]
    rows = summarize_weeks(W48, 3, BERLIN, ME, THEM, checkins, [], AFTER_W48)
    assert [row["week"] for row in rows] == ["2026-W48", "2026-W47", "2026-W46"]
    assert [row["checkins"] for row in rows] == [[1, 1], [0, 0], [0, 1]]
    assert rows[1]["response_rate"] is None and rows[0]["response_rate"] == 0.0


def test_trend_rows_cross_the_new_year():
    rows = summarize_weeks(IsoWeek(2027, 1), 2, BERLIN, ME, THEM, [], [], AFTER_W48)
    assert [row["week"] for row in rows] == ["2027-W01", "2026-W53"]


# ---- both directions, repairs, bands, honesty (API.md "Weekly connection summary") ------


def one_sided_week():
    """Alex answered all four of Sam's check-ins; Sam answered none of Alex's three."""
    day = "2026-11-24"
    theirs = [c(THEM, local(day, f"1{i}:00")) for i in range(4)]
    mine = [c(ME, local(day, f"0{i}:00")) for i in range(3)]
    return theirs + mine, [r(b, ME, timedelta(hours=2)) for b in theirs]


def test_turned_toward_shows_each_direction_on_its_own():
    checkins, responses = one_sided_week()
    together = summary(checkins, responses)["together"]
    assert together["turned_toward"] == {
        "you": {"answered": 4, "of": 4},
        "partner": {"answered": 0, "of": 3},
    }
    assert together["response_rate"] == 0.57  # both together, as before


def test_turned_toward_leaves_out_open_windows_and_counts_late_answers_as_missed():
    now = local("2026-11-25", "12:00")
    open_bid = c(THEM, now - timedelta(hours=2))
    late = c(THEM, now - timedelta(hours=40))
    in_time = c(ME, now - timedelta(hours=30))
    responses = [r(late, ME, timedelta(hours=30)), r(in_time, THEM, timedelta(hours=3))]
    result = summarize_week(W48, BERLIN, ME, THEM, [open_bid, late, in_time], responses, now)
    assert result["together"]["turned_toward"] == {
        "you": {"answered": 0, "of": 1},
        "partner": {"answered": 1, "of": 1},
    }


def test_a_one_sided_week_is_told_without_blame():
    checkins, responses = one_sided_week()
    for_alex = summary(checkins, responses)
    assert "You answered all 4 of Sam's check-ins within a day." in for_alex["highlights"]
    said = " ".join([*for_alex["highlights"], for_alex["suggestion"]["text"]])
    assert "Sam answered" not in said and "didn't" not in said and "0 of" not in said
    # Alex's share (1.0) is not below Sam's (0.0): what Alex can do is say what helps.
    assert for_alex["suggestion"]["id"] == "suggestion.say_what_helps"
    assert for_alex["suggestion"]["kind"] == "self_attunement"
    # From Sam's side the same week asks Sam, and only Sam, to answer more.
    for_sam = summarize_week(W48, BERLIN, THEM, ME, checkins, responses, AFTER_W48)
    assert for_sam["together"]["turned_toward"] == {
        "you": {"answered": 0, "of": 3},
        "partner": {"answered": 4, "of": 4},
    }
    assert "Alex answered all 4 of your check-ins within a day." in for_sam["highlights"]
    assert for_sam["suggestion"]["id"] == "suggestion.answer_one_bid_a_day"
    assert for_sam["suggestion"]["title"] == "Answer one check-in a day"
    assert "Alex" in for_sam["suggestion"]["text"]
    assert for_sam["suggestion"]["reason"] == "Alex shared 3 check-ins this week."


def test_a_tie_in_answering_leads_to_saying_what_helps():
    day = "2026-11-24"
    theirs = [c(THEM, local(day, "10:00")) for _ in range(3)]
    mine = [c(ME, local(day, "09:00")) for _ in range(3)]
    responses = [r(theirs[0], ME, timedelta(hours=1)), r(mine[0], THEM, timedelta(hours=1))]
    result = summary(theirs + mine, responses)
    assert result["together"]["response_rate"] == 0.33
    assert result["suggestion"]["id"] == "suggestion.say_what_helps"


def test_repairs_count_a_miss_followed_by_a_response_that_landed():
    day = "2026-11-24"
    repaired, reversed_, missed, landed = (c(THEM, local(day, "10:00")) for _ in range(4))
    responses = [
        r(repaired, ME, timedelta(hours=1), felt_heard=False),
        r(repaired, ME, timedelta(hours=2), felt_heard=True),
        r(reversed_, ME, timedelta(hours=1), felt_heard=True),
        r(reversed_, ME, timedelta(hours=2), felt_heard=False),
        r(missed, ME, timedelta(hours=1), felt_heard=False),
        r(landed, ME, timedelta(hours=1), felt_heard=True),
    ]
    result = summary([repaired, reversed_, missed, landed], responses)
    assert result["together"]["repairs"] == 1
    assert any(h.startswith("You repaired a miss this week") for h in result["highlights"])


@pytest.mark.parametrize(
    ("heard", "rated", "band", "words"),
    [
        (7, 10, "high", "they are landing"),
        (69, 100, "good_enough", "good enough"),
        (3, 10, "good_enough", "each miss is a chance to repair"),
        (29, 100, "low", "did that help?"),
        (0, 4, "low", "did that help?"),
    ],
)
def test_the_felt_heard_band_and_its_words(heard, rated, band, words):
    bids = [c(THEM, local("2026-11-24", "10:00")) for _ in range(rated)]
    responses = [r(b, ME, timedelta(hours=1), felt_heard=i < heard) for i, b in enumerate(bids)]
    result = summary(bids, responses)
    assert result["together"]["felt_heard_band"] == band
    assert any(words in h for h in result["highlights"]), result["highlights"]


def test_the_felt_heard_line_says_who_felt_heard():
    # Responses don't feel: the one who was answered does (in either direction).
    bids = [c(THEM, local("2026-11-24", "10:00")) for _ in range(3)]
    responses = [r(b, ME, timedelta(hours=1), felt_heard=i < 2) for i, b in enumerate(bids)]
    (line,) = [h for h in summary(bids, responses)["highlights"] if "heard" in h]
    assert line.startswith("67% of rated responses left the other person feeling heard.")
    assert "Responses felt heard" not in line


def test_without_a_rating_there_is_no_band_and_nothing_landed():
    bid = c(THEM, local("2026-11-24", "10:00"))
    result = summary([bid], [r(bid, ME, timedelta(hours=1))])
    assert result["together"]["felt_heard_band"] is None
    said = " ".join([*result["highlights"], result["suggestion"]["text"]]).lower()
    assert "landed" not in said and "felt heard" not in said and "feeling heard" not in said


def test_a_week_nobody_answered_never_says_it_works_or_that_anything_was_answered():
    bids = [c(THEM, local("2026-11-24", "10:00")), c(ME, local("2026-11-25", "10:00"))]
    result = summary(bids)
    said = " ".join(
        [*result["highlights"], result["suggestion"]["text"], result["suggestion"]["reason"]]
    ).lower()
    for word in ("answered", "landed", "works", "what you did"):
        assert word not in said, (word, said)


def _weeks():
    """A few hundred weeks: who checked in, who answered in time, late or never, ratings."""
    rng = random.Random(48)
    for _ in range(400):
        checkins, responses = [], []
        for author, other in ((ME, THEM), (THEM, ME)):
            for _ in range(rng.randint(0, 4)):
                bid = c(author, local("2026-11-2" + str(rng.randint(3, 9)), "10:00"), 5)
                checkins.append(bid)
                fate = rng.choice(("none", "in_time", "late", "two"))
                if fate == "none":
                    continue
                after = timedelta(hours=30 if fate == "late" else 1)
                rating = rng.choice((None, True, False))
                responses.append(r(bid, other, after, felt_heard=rating))
                if fate == "two":
                    responses.append(
                        r(bid, other, after * 2, felt_heard=rng.choice((None, True, False)))
                    )
        yield checkins, responses


def test_every_week_says_only_what_its_numbers_hold():
    for checkins, responses in _weeks():
        result = summary(checkins, responses)
        together, suggestion = result["together"], result["suggestion"]
        highlights = " ".join(result["highlights"]).lower()
        said = " ".join([highlights, suggestion["text"], suggestion["reason"]]).lower()
        rated = [x for x in responses if x.felt_heard is not None]
        if together["responses"] == 0:
            assert "answered" not in said and "landed" not in said, said
        if not rated:
            assert "landed" not in said and "felt heard" not in said, said
            assert "feeling heard" not in said, said
        if "what you did this week works" in said:
            assert together["response_rate"] >= 0.5 and together["good_enough"] is True
        for word in ("lasting", "streak", "gottman", "should have", "failed"):
            assert word not in said, (word, said)
        # "Bid" is the research word; people read "check-in".
        shown = " ".join([said, suggestion["title"], *suggestion["phrases"]])
        assert not re.search(r"\bbids?\b", shown, re.I), shown
        assert "Sam didn't" not in said and "sam never" not in said
        you, partner = together["turned_toward"]["you"], together["turned_toward"]["partner"]
        if suggestion["id"] == "suggestion.answer_one_bid_a_day":
            assert you["of"] and partner["of"]
            assert you["answered"] / you["of"] < partner["answered"] / partner["of"]
        if suggestion["id"] == "suggestion.say_what_helps":
            shares = [d["answered"] / d["of"] if d["of"] else None for d in (you, partner)]
            assert None in shares or shares[0] >= shares[1]
        band = together["felt_heard_band"]
        rate = together["felt_heard_rate"]
        assert band == (
            None
            if rate is None
            else "high"
            if rate >= 0.7
            else "good_enough"
            if rate >= 0.3
            else "low"
        )
        assert together["good_enough"] == (None if rate is None else rate >= 0.3)


def test_the_daily_question_count_is_passed_through_and_celebrated():
    result = summarize_week(W48, BERLIN, ME, THEM, [], [], AFTER_W48, questions_answered_together=3)
    assert result["together"]["questions_answered_together"] == 3
    assert "You both shared your thoughts on the daily question on 3 days." in result["highlights"]


def test_every_word_of_the_summary_goes_through_translate():
    def marked(message):
        return f"\u27e6{message}\u27e7"

    for checkins, responses in itertools.islice(_weeks(), 60):
        result = summarize_week(
            W48, BERLIN, ME, THEM, checkins, responses, AFTER_W48, translate=marked
        )
        suggestion = result["suggestion"]
        said = [suggestion["title"], suggestion["text"], suggestion["reason"]]
        for text in [*result["highlights"], *suggestion["phrases"], *said]:
            assert text.startswith("\u27e6") and text.endswith("\u27e7"), text
        assert suggestion["variant"] == suggestion["id"] + "/0" and suggestion["signals"]
