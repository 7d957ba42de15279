"""The scenario table (scenarios.json): everyday situations and what each answer must hold.

Every scenario passes every general check of properties.check_all, and then its own
expectations: the cards shown, their signals, avoid lines, words that must or must not
appear, and the budgets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.attunement.properties import (
    LEXICONS,
    Situation,
    by_kind,
    check_all,
    feeling,
    low_days,
    partner_time,
    words,
)

TABLE = json.loads((Path(__file__).parent / "scenarios.json").read_text())["scenarios"]


def situation(spec: dict[str, Any], language: str = "en") -> Situation:
    now = partner_time(spec.get("partner_clock", "18:00"))
    partner = spec["partner"]
    reader = spec["reader"]
    return Situation(
        feeling(partner["tone"], partner["energy"], partner.get("need"), partner.get("note"))
        if partner
        else None,
        feeling(reader["tone"], reader["energy"], id="own") if reader else None,
        detail=spec.get("detail", "brief"),
        setting=spec.get("setting", "apart"),
        now=now,
        ordinal=spec.get("ordinal", 0),
        recent=low_days(now.date(), *(tuple(r) for r in spec.get("recent", ()))),
        about_own_checkin=spec.get("about_own_checkin", False),
        language=language,
    )


def test_the_table_holds_at_least_forty_situations() -> None:
    assert len(TABLE) >= 40
    assert len({s["name"] for s in TABLE}) == len(TABLE)


@pytest.mark.parametrize("language", list(LEXICONS))
@pytest.mark.parametrize("spec", TABLE, ids=[s["name"] for s in TABLE])
def test_scenario(spec: dict[str, Any], language: str) -> None:
    """Every rule holds in every language; the table's English words are checked in English."""
    s = situation(spec, language)
    check_all(s)
    english = language == "en"
    result, expect = s.result, spec["expect"]
    where = (spec["name"], [(p.kind, p.text, p.phrases) for p in result.prompts])

    if "kinds" in expect:
        assert [p.kind for p in result.prompts] == expect["kinds"], where
    if "ids" in expect:
        assert [p.id for p in result.prompts] == expect["ids"], where
    for kind, signals in expect.get("signals", {}).items():
        (prompt,) = by_kind(result, kind)
        assert set(signals) <= set(prompt.signals), (where, prompt.signals)
    for kind, signals in expect.get("absent_signals", {}).items():
        for prompt in by_kind(result, kind):
            assert not set(signals) & set(prompt.signals), (where, prompt.signals)
    avoid = {a.id for a in result.avoid}
    assert set(expect.get("avoid", ())) <= avoid, (where, avoid)
    assert not set(expect.get("avoid_absent", ())) & avoid, (where, avoid)
    if expect.get("no_avoid"):
        assert result.avoid == []
    for kind, needles in expect.get("text_contains", {}).items() if english else ():
        (prompt,) = by_kind(result, kind)
        for needle in needles:
            assert needle.lower() in prompt.text.lower(), (where, needle)
    for kind, needles in expect.get("phrase_contains", {}).items() if english else ():
        (prompt,) = by_kind(result, kind)
        for needle in needles:
            assert any(needle.lower() in x.lower() for x in prompt.phrases), (where, needle)
    # Words the prompts must not say (an avoid line may name them: that's its job).
    said = [t for p in result.prompts for t in (p.title, p.text, p.reason, *p.phrases)]
    for needle in expect.get("absent_words", ()) if english else ():
        pattern = re.compile(r"\b" + re.escape(needle), re.I)
        assert not any(pattern.search(t) for t in said), (where, needle)
    phrases = [x for p in result.prompts for x in p.phrases]
    if expect.get("no_question"):
        assert not any("?" in x for x in phrases), (where, phrases)
    if "max_questions" in expect:
        assert sum("?" in x for x in phrases) <= expect["max_questions"], (where, phrases)
    if "max_words" in expect:
        assert sum(words(p.text) for p in result.prompts) <= expect["max_words"], where
    if "max_phrase_words" in expect:
        assert all(words(x) <= expect["max_phrase_words"] for x in phrases), where
    for kind, least in expect.get("variant_at_least", {}).items():
        (prompt,) = by_kind(result, kind)
        assert int(prompt.variant.rsplit("/", 1)[1]) >= least, (where, prompt.variant)
