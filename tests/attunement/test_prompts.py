"""The prompt engine's promises, over every tone x need x a spread of energies x readers.

The rules are API.md "Attunement prompts" 1-10; `properties.check_all` holds them all, and
the tests below pin each rule down on its own as well.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest

from api.attunement import catalog
from api.attunement.prompts import (
    Feeling,
    PartnerHistory,
    PromptSet,
    RecentCheckIn,
    build_prompts,
    hard_stretch,
)
from models.vocabulary import Need, Pleasantness, Tone
from tests.attunement.properties import (
    LEXICONS,
    NOW,
    Situation,
    by_kind,
    check_all,
    check_no_borrowed_good_feeling,
    every_text,
    feeling,
    first_about_partner,
    kinds,
    low_days,
    partner_time,
    words,
)

ENERGIES = (1, 2, 3, 5, 7, 9, 10)
NEEDS: tuple[Need | None, ...] = (None, *Need)
READERS: dict[str, tuple[str, int] | None] = {
    "none": None,
    "pleasant_low": ("content", 2),
    "pleasant_mid": ("happy", 5),
    "pleasant_high": ("excited", 10),
    "unpleasant_low": ("tired", 1),
    "unpleasant_mid": ("stressed", 5),
    "unpleasant_high": ("angry", 9),
    "neutral": ("okay", 6),
}
LATE = partner_time("23:30")
DAYTIME = partner_time("14:00")


def reader(state: str) -> Feeling | None:
    spec = READERS[state]
    return None if spec is None else feeling(spec[0], spec[1], id="own")


LANGUAGES = list(LEXICONS)


def build(partner: Feeling | None, own: Feeling | None, **kwargs: object) -> PromptSet:
    kwargs.setdefault("now", DAYTIME)
    return build_prompts(partner, own, partner_name="Sam", my_name="Alex", **kwargs)  # type: ignore[arg-type]


# ---- the sweep ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("tone", list(Tone), ids=lambda t: t.value)
def test_every_tone_need_energy_and_reader_keeps_every_promise(tone: Tone, language: str) -> None:
    today = DAYTIME.date()
    stretch = low_days(today, ("sad", 2, 0), ("tired", 1, 1), ("numb", 3, 3))
    for i, (need, energy, state) in enumerate(itertools.product(NEEDS, ENERGIES, READERS)):
        partner = feeling(tone, energy, need, note="Long day." if i % 3 == 0 else None)
        for detail in ("brief", "full"):
            check_all(
                Situation(
                    partner,
                    reader(state),
                    detail=detail,
                    setting="together" if i % 4 == 1 else "apart",
                    now=LATE if i % 2 else DAYTIME,
                    ordinal=i % 16,
                    recent=stretch if i % 5 == 0 else (),
                    language=language,
                )
            )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("state", list(READERS))
def test_without_a_partner_check_in_every_reader_keeps_every_promise(
    state: str, language: str
) -> None:
    for detail, now, about_own, stretch in itertools.product(
        ("brief", "full"), (LATE, DAYTIME), (False, True), (False, True)
    ):
        recent = low_days(now.date(), ("sad", 2, 1), ("sad", 2, 2), ("sad", 1, 3))
        check_all(
            Situation(
                None,
                reader(state),
                detail=detail,
                now=now,
                about_own_checkin=about_own,
                recent=recent if stretch else (),
                language=language,
            )
        )


def test_the_brief_word_budget_holds_for_every_wording_of_the_worst_screens() -> None:
    # The longest screens a partner at energy 3 or less can get: settle first, their need,
    # a hard stretch, their note and the late hour; or settle, reflect and pace with an
    # energy gap and a clash. Ordinals 0..7 reach every wording (8 per card and lead).
    stretch = low_days(LATE.date(), ("sad", 1, 0), ("sad", 1, 1), ("sad", 1, 2))
    for ordinal, tone, energy, need, state, note in itertools.product(
        range(8),
        (Tone.SAD, Tone.ANGRY, Tone.CALM, Tone.OKAY, Tone.HAPPY),
        (1, 3),
        (None, *Need),
        ("unpleasant_high", "unpleasant_low", "pleasant_high"),
        (None, "a note"),
    ):
        for now in (LATE, DAYTIME):
            check_all(
                Situation(
                    feeling(tone, energy, need, note),
                    reader(state),
                    now=now,
                    ordinal=ordinal,
                    recent=stretch,
                )
            )


# ---- rule 1: settle first -------------------------------------------------------------


@pytest.mark.parametrize(
    ("own", "due"),
    [
        (("angry", 9), True),
        (("overwhelmed", 8), True),
        (("stressed", 7), True),
        (("stressed", 6), False),
        (("sad", 2), True),
        (("tired", 1), True),
        (("sad", 3), False),
        (("okay", 10), False),
        (("okay", 1), False),
        (("happy", 10), False),
    ],
)
def test_a_flooded_or_running_low_reader_settles_first(own: tuple[str, int], due: bool) -> None:
    result = build(feeling("calm", 5), feeling(*own, id="own"))
    assert ("settle_first" in result.prompts[0].signals) == due
    if due:
        assert result.prompts[0].kind == "self_attunement"
        assert "clash" not in result.prompts[0].signals


def test_a_strong_clash_of_opposite_feelings_settles_first_and_says_clash() -> None:
    result = build(feeling("angry", 10, "space"), feeling("excited", 10, id="own"))
    first = result.prompts[0]
    assert first.kind == "self_attunement"
    assert {"settle_first", "clash"} <= set(first.signals)
    assert "excited" in first.reason and "angry" in first.reason
    # The same clash below 7 on either side is named by pace, without settling first.
    milder = build(feeling("angry", 6), feeling("excited", 10, id="own"), detail="full")
    assert not any("settle_first" in p.signals for p in milder.prompts)
    assert "clash" in by_kind(milder, "pace")[0].signals


def test_a_flooded_reader_facing_a_happy_partner_settles_with_the_clash_named() -> None:
    first = build(feeling("happy", 8), feeling("frustrated", 9, id="own")).prompts[0]
    assert {"settle_first", "own_flooded", "clash"} <= set(first.signals)


def test_an_unpleasant_reader_gets_the_gentler_self_attunement_only_in_full() -> None:
    own = feeling("stressed", 5, id="own")
    assert not by_kind(build(feeling("calm", 5), own), "self_attunement")
    (gentle,) = by_kind(build(feeling("calm", 5), own, detail="full"), "self_attunement")
    assert gentle.id == "self_attunement.notice_yourself"
    assert "own_unpleasant" in gentle.signals and "settle_first" not in gentle.signals


def test_settling_first_says_waiting_or_saying_you_are_low_is_fine() -> None:
    for ordinal in range(8):
        for own in (feeling("angry", 9, id="own"), feeling("sad", 1, id="own")):
            first = build(feeling("sad", 4), own, history=PartnerHistory(ordinal)).prompts[0]
            text = first.text.lower()
            assert re.search(r"(breath|breathe|pause|water|rest|minute)", text), first.text
            assert re.search(r"(fine|allowed|okay|honest|wait)", text), first.text


def test_no_prompt_claims_the_reader_feels_the_same_unless_the_tones_match() -> None:
    result = build(feeling("hurt", 3), feeling("tired", 3, id="own"), detail="full")
    assert not any(re.search(r"\btoo\b", t) for t in every_text(result))
    assert not any("feeling hurt" in t and "you're" in t.lower() for t in every_text(result))


PLEASANT_TONES = [t for t in Tone if t.pleasantness is Pleasantness.PLEASANT]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reader_who_feels_bad_is_never_handed_a_good_feeling_to_claim(language: str) -> None:
    # Gladness for the partner fits any reader; "I'm enjoying this with you." or "Count me
    # in." only fits one who shares the feeling (ATTUNEMENT.md, principle 4). Ordinals 0..7
    # reach every wording in either setting, and `full` shows every statement of a card.
    lex = LEXICONS[language]
    handed_to_the_glad = 0
    for tone, energy, need, ordinal, setting in itertools.product(
        PLEASANT_TONES, (3, 8), NEEDS, range(8), ("apart", "together")
    ):
        partner = feeling(tone, energy, need)
        for state in ("unpleasant_high", "unpleasant_mid", "unpleasant_low"):
            check_no_borrowed_good_feeling(
                Situation(
                    partner,
                    reader(state),
                    detail="full",
                    setting=setting,
                    ordinal=ordinal,
                    language=language,
                )
            )
        glad = Situation(
            partner,
            reader("pleasant_mid"),
            detail="full",
            setting=setting,
            ordinal=ordinal,
            language=language,
        )
        phrases = [x for p in glad.result.prompts for x in p.phrases]
        handed_to_the_glad += sum(bool(lex.good_feeling.search(x)) for x in phrases)
    assert handed_to_the_glad  # a reader who feels good can still say they enjoy it


def test_angry_at_9_facing_calm_at_5_is_not_told_to_say_it_is_enjoying_this() -> None:
    # The case read aloud in the review: pace.keep_it_gentle/4 handed an angry reader
    # "I'm enjoying this with you." The same wording still offers it to a content reader.
    history = PartnerHistory(1)
    angry = build(feeling("calm", 5), feeling("angry", 9, id="own"), history=history)
    (pace,) = by_kind(angry, "pace")
    assert pace.variant == "pace.keep_it_gentle/4"
    assert "I'm enjoying this with you." not in pace.phrases
    assert "Let them shine" not in pace.text and "more energy" not in pace.text
    content = build(feeling("calm", 5), feeling("content", 5, id="own"), history=history)
    assert "I'm enjoying this with you." in by_kind(content, "pace")[0].phrases
    assert by_kind(content, "pace")[0].variant == pace.variant


# ---- rule 2: their need leads ---------------------------------------------------------


@pytest.mark.parametrize("need", list(Need), ids=lambda n: n.value)
def test_a_named_need_comes_first_after_settling(need: Need) -> None:
    for own in (None, feeling("angry", 9, id="own")):
        result = build(feeling("sad", 3, need), own)
        expected = (
            ["need", "reflect", "pace"]
            if own is None
            else [
                "self_attunement",
                "need",
                "reflect",
            ]
        )
        assert kinds(result) == expected
        assert f"need:{need.value}" in by_kind(result, "need")[0].signals


def test_space_at_angry_10_has_no_question_and_no_approach_anywhere() -> None:
    for ordinal, setting, detail in itertools.product(
        range(8), ("apart", "together"), ("brief", "full")
    ):
        result = build(
            feeling("angry", 10, "space"),
            None,
            history=PartnerHistory(ordinal),
            setting=setting,
            detail=detail,
        )
        phrases = [x for p in result.prompts for x in p.phrases]
        assert phrases and not any("?" in x for x in phrases), phrases
        joined = " ".join(phrases + [p.text for p in result.prompts]).lower()
        for banned in ("sit close", "tell me", "come", "talk", "not going anywhere?"):
            assert banned not in joined, (banned, joined)
        (need,) = by_kind(result, "need")
        assert any("in an hour" in x for x in need.phrases)
        assert any("ready" in x.lower() for x in need.phrases)
        assert "presence" not in kinds(result)


def test_space_late_at_night_checks_back_in_the_morning() -> None:
    (need,) = by_kind(build(feeling("sad", 2, "space"), None, now=LATE), "need")
    assert any("in the morning" in x for x in need.phrases)


def test_distraction_offers_light_company_without_digging_or_a_line_against_cheering_up() -> None:
    for ordinal in range(8):
        result = build(feeling("anxious", 4, "distraction"), None, history=PartnerHistory(ordinal))
        assert "avoid.jokes" not in {a.id for a in result.avoid}
        assert "avoid.digging" in {a.id for a in result.avoid}
        for phrase in (x for p in result.prompts for x in p.phrases):
            assert "hardest" not in phrase.lower() and "what happened" not in phrase.lower()


def test_practical_help_asks_before_advising_and_drops_resist_fixing() -> None:
    result = build(feeling("stressed", 6, "practical_help"), None, detail="full")
    assert "resist_fixing" not in kinds(result)
    (need,) = by_kind(result, "need")
    assert "ask" in need.text.lower() and any("?" in x for x in need.phrases)
    ids = {a.id for a in result.avoid}
    assert "avoid.advice_without_asking" in ids and "avoid.fixing" not in ids
    assert any(
        x == "Do you want ideas, or do you want me to just listen?"
        for ordinal in range(8)
        for x in by_kind(
            build(feeling("stressed", 6, "practical_help"), None, history=PartnerHistory(ordinal)),
            "need",
        )[0].phrases
    )


def test_encouragement_names_their_strength_and_avoids_empty_promises() -> None:
    result = build(feeling("anxious", 6, "encouragement"), None, detail="full")
    assert "avoid.empty_promises" in {a.id for a in result.avoid}


def test_comfort_apart_and_together_are_worded_for_where_you_are() -> None:
    apart = by_kind(build(feeling("sad", 3, "comfort"), None), "need")[0]
    together = by_kind(build(feeling("sad", 3, "comfort"), None, setting="together"), "need")[0]
    index = int(apart.variant.split("/")[1])
    assert together.variant == f"need.comfort/{index + 8}"
    assert apart.text != together.text


# ---- rule 3: reflect, then pace --------------------------------------------------------


def test_reflect_uses_their_own_word_even_when_translated() -> None:
    def german(message: str) -> str:
        return {
            "tired": "müde",
            "So today left you {tone}.": "Heute hat dich das {tone} gemacht.",
        }.get(message, message)

    for ordinal in range(8):
        result = build(feeling("tired", 2), None, translate=german, history=PartnerHistory(ordinal))
        (reflect,) = by_kind(result, "reflect")
        assert any("müde" in x for x in reflect.phrases)
        assert not any("tired" in x for x in reflect.phrases)


def test_pace_names_the_energy_gap_and_the_clash() -> None:
    result = build(feeling("sad", 2), feeling("excited", 9, id="own"))
    (pace,) = by_kind(result, "pace")
    assert {"energy_gap", "clash"} <= set(pace.signals)
    assert "9" in pace.text and "2" in pace.text and "excited" in pace.text
    assert "a gap of 7" in pace.reason
    same_side = by_kind(build(feeling("sad", 2), feeling("tired", 8, id="own")), "pace")[0]
    assert "energy_gap" in same_side.signals and "clash" not in same_side.signals
    close = by_kind(build(feeling("sad", 5), feeling("tired", 3, id="own")), "pace")[0]
    assert not {"energy_gap", "clash"} & set(close.signals)
    assert close.text.startswith("Energy: 5 out of 10.")


@pytest.mark.parametrize(
    ("tone", "energy", "pace_id"),
    [
        ("sad", 2, "pace.slow_down"),
        ("angry", 8, "pace.stay_steady"),
        ("excited", 9, "pace.join_the_joy"),
        ("calm", 3, "pace.keep_it_gentle"),
        ("okay", 2, "pace.slow_down"),
        ("okay", 6, "pace.follow_their_lead"),
    ],
)
def test_pace_follows_their_energy_and_feeling(tone: str, energy: int, pace_id: str) -> None:
    assert by_kind(build(feeling(tone, energy), None), "pace")[0].id == pace_id


# ---- rules 4 and 5: their clock and their note ----------------------------------------


@pytest.mark.parametrize(
    ("clock", "late"),
    [
        ("21:59", False),
        ("22:00", True),
        ("23:30", True),
        ("03:00", True),
        ("05:59", True),
        ("06:00", False),
    ],
)
def test_the_late_hours_are_22_to_6_on_the_partner_s_clock(clock: str, late: bool) -> None:
    result = build(feeling("sad", 2), None, now=partner_time(clock))
    assert ("late_for_partner" in result.prompts[0].signals) == late


def test_the_partner_s_zone_decides_not_the_server_s() -> None:
    # 07:30 UTC is 23:30 the day before in Los Angeles.
    utc = datetime(2026, 11, 30, 7, 30, tzinfo=UTC)
    from zoneinfo import ZoneInfo

    in_la = utc.astimezone(ZoneInfo("America/Los_Angeles"))
    assert "late_for_partner" in build(feeling("sad", 2), None, now=in_la).prompts[0].signals
    assert "late_for_partner" not in build(feeling("sad", 2), None, now=utc).prompts[0].signals


def test_late_guidance_and_the_note_fold_into_the_first_prompt_about_the_partner() -> None:
    result = build(
        feeling("sad", 2, "comfort", note="Rough call with mum."),
        feeling("angry", 9, id="own"),
        now=LATE,
    )
    assert kinds(result) == ["self_attunement", "need", "reflect"]
    need = result.prompts[1]
    assert {"note", "late_for_partner"} <= set(need.signals)
    assert "note" in need.text.lower() and "late" in need.text.lower()
    assert "added a note" in need.reason and "late at night" in need.reason
    assert not {"note", "late_for_partner"} & set(result.prompts[2].signals)


def test_a_blank_note_is_no_note() -> None:
    result = build(feeling("sad", 2, note="   "), None)
    assert not any("note" in p.signals for p in result.prompts)


# ---- rule 6: a hard stretch ------------------------------------------------------------


def test_three_low_days_in_the_last_five_bring_a_support_prompt() -> None:
    today = DAYTIME.date()
    recent = low_days(today, ("sad", 2, 0), ("tired", 3, 2), ("numb", 1, 4))
    result = build(feeling("sad", 2), None, history=PartnerHistory(7, recent))
    assert kinds(result) == ["support", "reflect", "pace"]
    (support,) = by_kind(result, "support")
    assert "hard_stretch" in support.signals
    assert re.search(r"(friend|doctor|counsellor|someone else)", support.text)


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        ((("sad", 2, 0), ("sad", 2, 1), ("sad", 2, 2)), True),
        ((("sad", 2, 0), ("sad", 2, 2), ("sad", 2, 4)), True),
        ((("sad", 2, 0), ("sad", 2, 2), ("sad", 2, 5)), False),  # older than the five days
        ((("sad", 2, 0), ("sad", 2, 0), ("sad", 2, 2)), False),  # two on one date
        ((("sad", 2, 0), ("sad", 4, 1), ("sad", 2, 2)), False),  # energy 4
        ((("sad", 2, 0), ("calm", 2, 1), ("sad", 2, 2)), False),  # a pleasant one
        ((("okay", 2, 0), ("sad", 2, 1), ("sad", 2, 2)), False),  # neutral is not unpleasant
        ((("sad", 2, 0), ("sad", 2, 1)), False),  # only two
        ((("sad", 2, 0), ("sad", 3, 1), ("hurt", 1, 2), ("happy", 9, 3)), True),  # last three
    ],
)
def test_the_hard_stretch_is_the_last_three_on_three_dates_all_low(
    specs: tuple[tuple[str, int, int], ...], expected: bool
) -> None:
    assert hard_stretch(low_days(date(2026, 11, 29), *specs), date(2026, 11, 29)) is expected


# ---- rule 7: brief fits a screen; full holds every card ---------------------------------


def test_brief_shows_the_first_three_that_apply_in_order() -> None:
    today = DAYTIME.date()
    recent = low_days(today, ("sad", 2, 0), ("sad", 2, 1), ("sad", 2, 2))
    history = PartnerHistory(0, recent)
    own = feeling("angry", 9, id="own")
    assert kinds(build(feeling("sad", 2, "comfort"), own, history=history)) == [
        "self_attunement",
        "need",
        "support",
    ]
    assert kinds(build(feeling("sad", 2), None)) == ["reflect", "pace"]
    full = build(feeling("sad", 2, "comfort"), own, history=history, detail="full")
    assert kinds(full) == [
        "self_attunement",
        "need",
        "support",
        "reflect",
        "pace",
        "presence",
        "resist_fixing",
    ]


def test_brief_stays_within_the_words_for_a_partner_at_low_energy() -> None:
    result = build(feeling("sad", 2), feeling("excited", 9, id="own"))
    assert sum(words(p.text) for p in result.prompts) <= 90


def test_unknown_detail_or_setting_is_refused() -> None:
    with pytest.raises(ValueError):
        build(feeling("sad", 2), None, detail="long")
    with pytest.raises(ValueError):
        build(feeling("sad", 2), None, setting="bed")


# ---- rule 8: variety -------------------------------------------------------------------

STATES = [
    ("sad", 2, None),
    ("angry", 9, "space"),
    ("happy", 8, "celebration"),
    ("okay", 5, None),
    ("anxious", 4, "distraction"),
    ("calm", 3, "closeness"),
    ("stressed", 7, "practical_help"),
    ("lonely", 2, "comfort"),
    ("hopeful", 6, "encouragement"),
    ("frustrated", 6, "to_be_heard"),
]


def _walk(states: list[tuple[str, int, str | None]], **kwargs: object) -> list[PromptSet]:
    today = DAYTIME.date()
    recent = low_days(today, ("sad", 2, 0), ("sad", 2, 1), ("sad", 2, 2))
    return [
        build(
            feeling(*states[i % len(states)]),
            feeling("angry", 9, id="own") if i % 3 == 0 else feeling("happy", 4, id="own"),
            history=PartnerHistory(i, recent),
            **kwargs,
        )
        for i in range(30)
    ]


@pytest.mark.parametrize("setting", ["apart", "together"])
@pytest.mark.parametrize("detail", ["brief", "full"])
def test_thirty_check_ins_in_a_row_never_repeat_a_wording_from_one_to_the_next(
    setting: str, detail: str
) -> None:
    for states in ([s] for s in STATES):
        walk = _walk(states, setting=setting, detail=detail)
        for before, after in itertools.pairwise(walk):
            shown = {p.kind: p for p in before.prompts}
            for prompt in after.prompts:
                if prompt.kind in shown:
                    assert prompt.variant != shown[prompt.kind].variant, (states, prompt.kind)
                    assert prompt.title != shown[prompt.kind].title
    # A changing mood changes the cards; no wording repeats either.
    walk = _walk(STATES, setting=setting, detail=detail)
    for before, after in itertools.pairwise(walk):
        shown = {p.kind: p for p in before.prompts}
        for prompt in after.prompts:
            if prompt.kind in shown:
                assert prompt.text != shown[prompt.kind].text, prompt.kind


def test_any_ten_check_ins_in_a_row_show_at_least_five_wordings_of_each_card_kind() -> None:
    for states in ([s] for s in STATES):
        walk = _walk(states, detail="full")
        for start in range(21):
            seen: dict[str, set[str]] = defaultdict(set)
            for result in walk[start : start + 10]:
                for prompt in result.prompts:
                    seen[prompt.kind].add(prompt.variant)
            for kind, variants in seen.items():
                if kind != "self_attunement":  # it changes with the reader's own state
                    assert len(variants) >= 5, (states, kind, variants)


def test_without_a_partner_check_in_the_reach_out_turns_with_the_day() -> None:
    days = [DAYTIME + timedelta(days=n) for n in range(10)]
    variants = [build(None, None, now=d).prompts[0].variant for d in days]
    assert len(set(variants)) >= 5
    assert all(a != b for a, b in itertools.pairwise(variants))


# ---- rule 9: reach out -----------------------------------------------------------------


def test_reaching_out_asks_with_curiosity_and_reveals_nothing() -> None:
    result = build(None, None)
    (reach,) = result.prompts
    assert reach.kind == "reach_out" and reach.signals == ("no_recent_checkin",)
    assert reach.reason == "Sam hasn't shared a check-in in the last day."
    assert result.avoid == []
    private_or_not = {build(None, None, history=PartnerHistory(n)).prompts[0] for n in (0, 5, 9)}
    assert len(private_or_not) == 1  # nothing about unseen check-ins can change the answer


def test_reaching_out_late_at_night_says_it_is_late_for_them() -> None:
    (reach,) = build(None, None, now=LATE).prompts
    assert "late_for_partner" in reach.signals and "late" in reach.text.lower()


def test_a_flooded_reader_reaching_out_settles_first() -> None:
    assert kinds(build(None, feeling("angry", 9, id="own"))) == ["self_attunement", "reach_out"]


def test_prompts_about_your_own_check_in_do_not_reach_out() -> None:
    own = feeling("stressed", 8, id="own")
    assert kinds(build(None, own, about_own_checkin=True)) == ["self_attunement"]
    mid = feeling("stressed", 5, id="own")
    assert kinds(build(None, mid, about_own_checkin=True)) == []
    assert kinds(build(None, mid, about_own_checkin=True, detail="full")) == ["self_attunement"]
    assert build(None, feeling("happy", 5, id="own"), about_own_checkin=True).prompts == []


# ---- rule 10: the same inputs give the same prompts ------------------------------------


def test_the_same_inputs_give_the_same_prompts_whatever_the_minute_or_the_check_in_id() -> None:
    one = build(feeling("sad", 2, id="a"), None, now=partner_time("14:05"))
    two = build(feeling("sad", 2, id="b"), None, now=partner_time("14:55"))
    assert one == two


def test_every_reason_is_built_from_the_inputs() -> None:
    result = build(
        feeling("sad", 2, "comfort", note="x"),
        feeling("excited", 9, id="own"),
        detail="full",
        now=LATE,
    )
    reasons = {p.kind: p.reason for p in result.prompts}
    assert reasons["need"].startswith("Sam asked for comfort.")
    assert reasons["reflect"] == "Sam chose the word \u201csad\u201d."
    assert reasons["pace"].startswith("Sam is at 2 out of 10, feeling sad.")


# ---- the words go through translate ----------------------------------------------------


def _marked(message: str) -> str:
    return f"\u27e6{message}\u27e7"


def _unmarked_rest(text: str) -> str:
    while True:
        stripped = re.sub(r"\u27e6[^\u27e6\u27e7]*\u27e7", "", text)
        if stripped == text:
            return stripped.strip()
        text = stripped


def test_every_word_for_people_goes_through_translate() -> None:
    for tone, need, state in itertools.product(
        (Tone.SAD, Tone.ANGRY, Tone.OKAY, Tone.LOVED), NEEDS, ("none", "unpleasant_high")
    ):
        for detail, now in itertools.product(("brief", "full"), (LATE, DAYTIME)):
            result = build(
                feeling(tone, 3, need, note="n"),
                reader(state),
                detail=detail,
                now=now,
                translate=_marked,
            )
            for text in every_text(result):
                # Sentences are joined with spaces; nothing else may be left untranslated.
                assert _unmarked_rest(text) == "", text
            reflect = by_kind(result, "reflect")
            if reflect:
                assert any(_marked(tone.value) in x for x in reflect[0].phrases)


def test_the_signals_and_variants_are_not_translated() -> None:
    plain = build(feeling("sad", 2, "comfort"), None)
    marked = build(feeling("sad", 2, "comfort"), None, translate=_marked)
    assert [(p.id, p.variant, p.signals) for p in plain.prompts] == [
        (p.id, p.variant, p.signals) for p in marked.prompts
    ]


def test_the_engine_keeps_the_old_call_working() -> None:
    # The resource layer still calls it this way until it passes the new inputs.
    result = build_prompts(
        Feeling("x", Tone.SAD, 2, NOW - timedelta(hours=2)),
        None,
        partner_name="Sam",
        my_name="Alex",
        now=NOW,
    )
    assert kinds(result) == ["reflect", "pace"]


def test_recent_check_ins_are_plain_data() -> None:
    assert RecentCheckIn(Tone.SAD, 2, date(2026, 11, 29)).tone.pleasantness is (
        Pleasantness.UNPLEASANT
    )


def test_the_first_prompt_about_the_partner_is_found_after_settling() -> None:
    result = build(feeling("sad", 2), feeling("angry", 9, id="own"))
    first = first_about_partner(result)
    assert first is not None and first.kind == "reflect"
    assert catalog.REFLECT_HEAVY.id == first.id
