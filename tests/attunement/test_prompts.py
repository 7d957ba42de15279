"""The prompt engine's promises, checked for every tone x energy x need x own state."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta

import pytest

from api.attunement import catalog
from api.attunement.prompts import Feeling, PromptSet, build_prompts
from models.vocabulary import NEED_LABELS, Need, Pleasantness, Tone

NOW = datetime(2026, 11, 29, 18, 0, tzinfo=UTC)
KINDS = {"presence", "pace", "reflect", "resist_fixing", "need", "self_attunement", "reach_out"}

# Said out loud to a partner who feels bad, these would miss the mark.
BANNED_IN_PHRASES = (
    "joke",
    "cheer",
    "laugh",
    "bright side",
    "fix",
    "solution",
    "you should",
    "have you tried",
    "why don't you",
    "not that bad",
    "at least",
    "look on",
    "let's go out",
    "come on",
)
# Advice in a prompt's own text that would push toward what misses the mark.
BANNED_SUGGESTIONS = (
    "tell a joke",
    "crack a joke",
    "cheer them up",
    "cheer up",
    "make them laugh",
    "bright side",
    "suggest a fix",
    "offer a solution",
    "give advice",
    "tell them what to do",
    "come on, let's",
)

OWN_STATES = {
    "none": None,
    "pleasant_low": (Tone.CONTENT, 1),
    "pleasant_mid": (Tone.HAPPY, 5),
    "pleasant_high": (Tone.EXCITED, 10),
    "unpleasant_low": (Tone.TIRED, 1),
    "unpleasant_mid": (Tone.STRESSED, 5),
    "unpleasant_high": (Tone.ANGRY, 10),
}


def partner_feeling(tone: Tone, energy: int, need: Need | None, seed: str = "p") -> Feeling:
    return Feeling(
        id=f"{seed}-{tone}-{energy}-{need}",
        tone=tone,
        energy=energy,
        need=need,
        recorded_at=NOW - timedelta(hours=3),
    )


def own_feeling(state: str) -> Feeling | None:
    if OWN_STATES[state] is None:
        return None
    tone, energy = OWN_STATES[state]
    return Feeling(
        id=f"own-{state}", tone=tone, energy=energy, recorded_at=NOW - timedelta(hours=1)
    )


def build(partner: Feeling | None, own: Feeling | None, **kwargs) -> PromptSet:
    return build_prompts(partner, own, partner_name="Sam", my_name="Alex", now=NOW, **kwargs)


def by_kind(result: PromptSet, kind: str):
    return [p for p in result.prompts if p.kind == kind]


def expected_pace(tone: Tone, energy: int) -> str:
    if tone.pleasantness is Pleasantness.UNPLEASANT:
        return "pace.slow_down" if energy <= 5 else "pace.stay_steady"
    if tone.pleasantness is Pleasantness.PLEASANT:
        return "pace.keep_it_gentle" if energy <= 5 else "pace.join_the_joy"
    return "pace.slow_down" if energy <= 3 else "pace.follow_their_lead"


COMBINATIONS = list(itertools.product(list(Tone), range(1, 11), [None, *Need], list(OWN_STATES)))


@pytest.mark.parametrize("tone", list(Tone))
def test_every_combination_keeps_the_engine_s_promises(tone):
    for _, energy, need, state in (c for c in COMBINATIONS if c[0] is tone):
        partner, own = partner_feeling(tone, energy, need), own_feeling(state)
        result = build(partner, own)
        where = f"{tone} {energy} {need} {state}"

        assert {p.kind for p in result.prompts} <= KINDS, where
        assert len(by_kind(result, "presence")) == 1, where
        assert not by_kind(result, "reach_out"), where

        (reflect,) = by_kind(result, "reflect")
        assert reflect.phrases and all(tone.value in phrase for phrase in reflect.phrases), where
        assert tone.value in reflect.reason

        (pace,) = by_kind(result, "pace")
        assert pace.id == expected_pace(tone, energy), where
        assert str(energy) in pace.text and str(energy) in pace.reason
        gap = abs(own.energy - energy) if own else 0
        if own is not None and gap >= 4:
            assert f"You're at {own.energy}" in pace.text, where
            assert f"Sam is at {energy}" in pace.text, where
            assert f"gap of {gap}" in pace.reason
        else:
            assert "You're at" not in pace.text, where

        needs = by_kind(result, "need")
        if need is None:
            assert needs == [], where
        else:
            assert [p.id for p in needs] == [f"need.{need.value}"], where
            assert NEED_LABELS[need].lower() in needs[0].reason
        resist = by_kind(result, "resist_fixing")
        if need is Need.PRACTICAL_HELP:
            assert resist == [], where
            assert "ask" in needs[0].text.lower(), where
            assert "avoid.advice_without_asking" in {a.id for a in result.avoid}
        else:
            assert len(resist) == 1, where
            assert "avoid.fixing" in {a.id for a in result.avoid}, where

        own_unpleasant = own is not None and own.tone.pleasantness is Pleasantness.UNPLEASANT
        selves = by_kind(result, "self_attunement")
        assert len(selves) == (1 if own_unpleasant else 0), where
        if selves:
            assert "What do I most need to hear right now?" in selves[0].phrases

        avoid_ids = {a.id for a in result.avoid}
        if tone.pleasantness is Pleasantness.UNPLEASANT:
            assert {"avoid.jokes", "avoid.minimising"} <= avoid_ids, where
            for prompt in result.prompts:
                for phrase in prompt.phrases:
                    assert not any(b in phrase.lower() for b in BANNED_IN_PHRASES), (where, phrase)
                for words in (prompt.title, prompt.text):
                    assert not any(b in words.lower() for b in BANNED_SUGGESTIONS), (where, words)
        if energy <= 5:
            assert "avoid.high_energy" in avoid_ids, where
        if tone.pleasantness is Pleasantness.UNPLEASANT and energy >= 6:
            assert "avoid.escalating" in avoid_ids, where

        for prompt in result.prompts:
            assert prompt.title and prompt.text and prompt.reason and prompt.phrases, where
            for words in (prompt.title, prompt.text, prompt.reason, *prompt.phrases):
                assert not re.search(r"[{}]", words), (where, words)
        for avoid in result.avoid:
            assert not re.search(r"[{}]", avoid.text)

        assert build(partner, own) == result, where


def test_without_a_partner_check_in_the_prompt_is_to_reach_out():
    result = build(None, None)
    assert [p.kind for p in result.prompts] == ["reach_out"]
    assert result.avoid == []
    assert "Sam" in result.prompts[0].reason and "24 hours" in result.prompts[0].reason


def test_reaching_out_with_a_heavy_heart_starts_with_yourself():
    result = build(None, own_feeling("unpleasant_low"))
    assert [p.kind for p in result.prompts] == ["self_attunement", "reach_out"]
    assert "tired" in result.prompts[0].reason


def test_prompts_about_your_own_check_in_do_not_reach_out():
    heavy = build(None, own_feeling("unpleasant_mid"), about_own_checkin=True)
    assert [p.kind for p in heavy.prompts] == ["self_attunement"]
    light = build(None, own_feeling("pleasant_mid"), about_own_checkin=True)
    assert light.prompts == []


@pytest.mark.parametrize("kind", ["presence", "pace", "reflect", "resist_fixing", "need"])
def test_the_wording_varies_across_check_ins_but_not_for_one(kind):
    texts = set()
    for i in range(60):
        partner = partner_feeling(Tone.SAD, 2, Need.COMFORT, seed=str(i))
        (prompt,) = by_kind(build(partner, None), kind)
        texts.add(prompt.text)
    assert len(texts) >= 3


def test_every_prompt_kind_has_at_least_three_phrasings():
    groups = [
        catalog.PRESENCE,
        catalog.REFLECT_HEAVY,
        catalog.REFLECT_CHARGED,
        catalog.REFLECT_NEUTRAL,
        catalog.REFLECT_SOFT,
        catalog.REFLECT_BRIGHT,
        catalog.PACE_SLOW,
        catalog.PACE_STEADY,
        catalog.PACE_JOIN,
        catalog.PACE_GENTLE,
        catalog.PACE_EASY,
        catalog.GAP_YOU_HIGHER,
        catalog.GAP_YOU_LOWER,
        catalog.RESIST_FIXING,
        catalog.RESIST_FIXING_GOOD_NEWS,
        catalog.REACH_OUT,
        catalog.SELF_ATTUNEMENT,
        *catalog.NEEDS.values(),
    ]
    assert all(len(group) >= 3 for group in groups)
    assert set(catalog.NEEDS) == {need.value for need in Need}


def test_a_loved_reflection_is_not_phrased_like_a_hurt_one():
    loved = by_kind(build(partner_feeling(Tone.LOVED, 7, None), None), "reflect")[0]
    hurt = by_kind(build(partner_feeling(Tone.HURT, 7, None), None), "reflect")[0]
    assert loved.id != hurt.id
    assert {p.replace("loved", "X") for p in loved.phrases}.isdisjoint(
        {p.replace("hurt", "X") for p in hurt.phrases}
    )


def test_the_gap_advice_depends_on_who_is_higher():
    partner_low = build(partner_feeling(Tone.SAD, 2, None), own_feeling("pleasant_high"))
    (pace,) = by_kind(partner_low, "pace")
    assert pace.text.startswith("You're at 10") and "Sam is at 2" in pace.text
    partner_high = build(partner_feeling(Tone.HAPPY, 9, None), own_feeling("unpleasant_low"))
    (pace,) = by_kind(partner_high, "pace")
    assert pace.id == "pace.join_the_joy"
    assert "You're at 1" in pace.text and "Sam is at 9" in pace.text
    assert "slow down" not in pace.text.split(".")[0].lower()


def test_space_asks_you_not_to_chase():
    result = build(partner_feeling(Tone.ANGRY, 8, Need.SPACE), None)
    assert "avoid.chasing" in {a.id for a in result.avoid}
    (need,) = by_kind(result, "need")
    assert "check" in need.text.lower() or "check" in " ".join(need.phrases).lower()


def test_the_presence_reason_says_when_they_checked_in():
    partner = Feeling("x", Tone.SAD, 2, NOW - timedelta(minutes=90))
    (presence,) = by_kind(build(partner, None), "presence")
    assert presence.reason == "Sam checked in an hour ago feeling sad."


def test_good_news_is_not_met_with_a_plan():
    (resist,) = by_kind(build(partner_feeling(Tone.EXCITED, 9, None), None), "resist_fixing")
    assert resist.id == "resist_fixing.let_it_be_good"
    (resist,) = by_kind(build(partner_feeling(Tone.HURT, 3, None), None), "resist_fixing")
    assert resist.id == "resist_fixing.understand_first"
