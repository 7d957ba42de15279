"""The core in Spanish and German: the same decisions as in English, in their own words.

Languages change the words, never the rules: for the same inputs every language shows
the same cards, wordings (variants), signals and numbers. And no English is left in a
Spanish or German answer, names aside (API.md "Languages").
"""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest

from api.attunement import catalog
from api.attunement.catalog import Card
from api.attunement.summary import summarize_week
from tests.attunement.properties import LEXICONS, Situation, every_text, translator
from tests.attunement.test_scenarios import TABLE, situation
from tests.attunement.test_summary import AFTER_W48, BERLIN, ME, THEM, W48, _weeks

LANGUAGES = ["es", "de"]
# Words that are English and neither Spanish nor German (so "was", "will", "so", "also",
# "in" and "die" are not here: they are German too).
ENGLISH = re.compile(
    r"\b(the|you|your|you're|they|them|their|and|with|what|when|this|that|feeling|feels|"
    r"energy|partner|would|help|is|are|it's|don't|i'm|just|about|check-in|check|week|"
    r"answer|answered|heard|today|tonight|of|for|to|it|be|at)\b",
    re.I,
)
NAMES = re.compile(r"\b(Sam|Alex)\b")


def _english_in(texts: list[str]) -> list[str]:
    return [t for t in texts if ENGLISH.search(NAMES.sub("", t))]


def _decisions(s: Situation) -> list[tuple[str, str, tuple[str, ...], int]]:
    return [(p.id, p.variant, p.signals, len(p.phrases)) for p in s.result.prompts] + [
        (a.id, "", (), 0) for a in s.result.avoid
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("spec", TABLE, ids=[s["name"] for s in TABLE])
def test_every_language_decides_the_same_and_leaves_no_english(spec, language):
    english, translated = situation(spec), situation(spec, language)
    assert _decisions(translated) == _decisions(english)
    assert _english_in(every_text(translated.result)) == []
    if english.result.prompts:
        assert every_text(translated.result) != every_text(english.result)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_good_feeling_to_claim_is_recognised_in_every_language(language):
    # The check that keeps "I'm enjoying this with you." from a reader who feels bad only
    # holds in Spanish and German if it finds the same phrases there.
    lex, translate = LEXICONS[language], translator(language)
    for card in (v for v in vars(catalog).values() if isinstance(v, Card)):
        for wording in (*card.apart, *card.together):
            for phrase in (*wording.say, *wording.ask, *wording.uneasy):
                english = bool(LEXICONS["en"].good_feeling.search(phrase))
                translated = translate(phrase)
                assert bool(lex.good_feeling.search(translated)) == english, (phrase, translated)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reflected_word_is_the_language_s_own(language):
    (spec,) = [s for s in TABLE if s["partner"] and s["partner"]["tone"] == "sad"][:1]
    result = situation(spec, language).result
    word = {"es": "tristeza", "de": "traurig"}[language]
    reflect = next(p for p in result.prompts if p.kind == "reflect")
    assert word in " ".join([reflect.text, *reflect.phrases])
    assert "sad" not in " ".join(every_text(result))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_counts_the_same_and_speaks_the_language(language):
    translate = translator(language)
    for checkins, responses in itertools.islice(_weeks(), 120):
        english = summarize_week(W48, BERLIN, ME, THEM, checkins, responses, AFTER_W48)
        translated = summarize_week(
            W48, BERLIN, ME, THEM, checkins, responses, AFTER_W48, translate=translate
        )
        for key in ("week", "partners", "together", "previous_week"):
            assert translated[key] == english[key]
        assert len(translated["highlights"]) == len(english["highlights"])
        suggestion, english_suggestion = translated["suggestion"], english["suggestion"]
        for key in ("id", "variant", "kind", "signals"):
            assert suggestion[key] == english_suggestion[key]
        said = [
            *translated["highlights"],
            suggestion["title"],
            suggestion["text"],
            suggestion["reason"],
            *suggestion["phrases"],
        ]
        assert _english_in(said) == [], said
        assert not any("{" in text or "}" in text for text in said)


def test_a_percentage_is_written_the_language_s_way():
    heard = [(c, r) for c, r in itertools.islice(_weeks(), 200) if any(x.felt_heard for x in r)]
    checkins, responses = heard[0]
    german = summarize_week(
        W48, BERLIN, ME, THEM, checkins, responses, AFTER_W48, translate=translator("de")
    )
    english = summarize_week(W48, BERLIN, ME, THEM, checkins, responses, AFTER_W48)
    rate = round(english["together"]["felt_heard_rate"] * 100)
    assert any(f"{rate}%" in line for line in english["highlights"])
    assert any(f"{rate}\u00a0%" in line for line in german["highlights"])


def test_situations_are_plain_data():
    # The language travels with the situation, so a failing check names it.
    assert "language" in {f.name for f in dataclasses.fields(Situation)}
