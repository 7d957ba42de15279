"""The catalogs: enough wordings, each one safe wherever the engine may show it, and every
word for people marked for gettext."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from api.attunement import catalog, summary_catalog
from api.attunement.catalog import Card, Wording
from api.attunement.prompts import PACE_LEADS, REFLECT_BY_TONE
from api.attunement.words import TONE_WORDS
from models.vocabulary import NEED_LABELS, TONE_LABELS, Need, Tone
from tests.attunement.properties import APPROACH_IN_PHRASE, ENGLISH, SAME_ROOM_WORDS

ROOT = Path(__file__).resolve().parents[2]
CARDS: list[Card] = [v for v in vars(catalog).values() if isinstance(v, Card)]
LEADS: dict[str, tuple[str, ...]] = {
    "note": catalog.NOTE_LEADS,
    "late": catalog.LATE_LEADS,
    "note_and_late": catalog.NOTE_AND_LATE_LEADS,
    **PACE_LEADS,
}
PLACEHOLDERS = {"partner", "me", "tone", "energy", "my_tone", "my_energy", "gap", "check_back"}
# The longest value each placeholder takes in English, to count words as shown.
LONGEST = {
    "partner": "Sam",
    "me": "Alex",
    "tone": "disappointed",
    "my_tone": "overwhelmed",
    "energy": 10,
    "my_energy": 10,
    "gap": 9,
    "check_back": "in the morning",
}


def fill(message: str) -> str:
    return message.format(**LONGEST)


def wordings(card: Card) -> list[Wording]:
    return [*card.apart, *card.together]


def statements(wording: Wording) -> tuple[str, ...]:
    """Every statement a wording may show: `say`, and `uneasy` in its place."""
    return (*wording.say, *wording.uneasy)


def test_the_catalog_holds_every_card_the_engine_uses() -> None:
    assert set(catalog.NEEDS) == set(Need)
    assert set(REFLECT_BY_TONE) == set(Tone)
    assert len({card.id for card in CARDS}) == len(CARDS)
    assert len(CARDS) == 27


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_every_card_has_eight_wordings_per_setting(card: Card) -> None:
    assert len(card.apart) == 8
    assert len(card.together) in (0, 8)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_no_two_wordings_of_a_card_are_alike(card: Card) -> None:
    every = wordings(card)
    assert len({w.title for w in every}) == len(every)
    assert len({w.text for w in every}) == len(every)
    for group in (card.apart, card.together):
        # A wording's `uneasy` may keep those of its own statements that fit any reader.
        phrases = [p for w in group for p in {*w.say, *w.ask, *w.uneasy}]
        assert len(set(phrases)) == len(phrases), [p for p in phrases if phrases.count(p) > 1]


@pytest.mark.parametrize("name", list(LEADS))
def test_every_lead_has_eight_different_wordings(name: str) -> None:
    assert len(set(LEADS[name])) == len(LEADS[name]) == 8


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_said_phrases_are_statements_short_enough_for_late_at_night(card: Card) -> None:
    for wording in wordings(card):
        assert 1 <= len(wording.say) <= 2 and len(wording.ask) <= 1, wording
        assert len(wording.uneasy) in (0, len(wording.say)), wording
        for phrase in statements(wording):
            assert "?" not in phrase, phrase
        for phrase in (*statements(wording), *wording.ask):
            assert len(fill(phrase).split()) <= 12, phrase


@pytest.mark.parametrize(
    "card", [c for c in CARDS if c.kind != "need" or c is catalog.NEED_SPACE], ids=lambda c: c.id
)
def test_said_phrases_outside_a_need_never_approach_so_they_fit_a_wish_for_space(
    card: Card,
) -> None:
    for wording in wordings(card):
        for phrase in statements(wording):
            assert not APPROACH_IN_PHRASE.search(phrase), phrase


def test_self_attunement_has_no_openers() -> None:
    for card in (catalog.SETTLE_FLOODED, catalog.SETTLE_LOW, catalog.SETTLE_CLASH):
        assert all(not w.ask for w in card.apart)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_apart_wordings_never_put_you_in_one_room(card: Card) -> None:
    for wording in card.apart:
        for text in (wording.title, wording.text, *statements(wording), *wording.ask):
            assert not SAME_ROOM_WORDS.search(text), text


def test_together_wordings_are_the_ones_that_need_a_room() -> None:
    with_room = {c.id for c in CARDS if c.together}
    assert with_room == {"need.comfort", "need.closeness", "need.distraction", "presence.be_there"}
    for card in CARDS:
        if card.together:
            assert any(
                SAME_ROOM_WORDS.search(" ".join((w.text, *w.say, *w.ask))) for w in card.together
            )


def _all_messages() -> list[str]:
    out: list[str] = []
    for card in CARDS:
        for w in wordings(card):
            out += [w.title, w.text, *statements(w), *w.ask]
    for lines in LEADS.values():
        out += lines
    for name, value in vars(catalog).items():
        if name.startswith(("REASON_", "CHECK_BACK_", "PACE_WHERE")):
            out += list(value.values()) if isinstance(value, dict) else [value]
    out += list(catalog.AVOID.values())
    return out


def test_no_sentence_claims_a_shared_feeling() -> None:
    for message in _all_messages():
        assert not re.search(r"\btoo\b", message, re.I), message


def test_placeholders_are_named_and_known() -> None:
    for message in _all_messages():
        names = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
        assert all(n in PLACEHOLDERS for n in names), (message, names)


def test_no_tone_word_follows_an_article() -> None:
    for message in _all_messages():
        assert not re.search(r"\b(a|an|the)\s+\{(my_)?tone\}", message), message


def test_every_reflect_wording_says_their_word_first() -> None:
    for card in {*REFLECT_BY_TONE.values()}:
        for wording in card.apart:
            assert "{tone}" in wording.say[0], wording
            assert not wording.uneasy or "{tone}" in wording.uneasy[0], wording


def test_a_shared_good_feeling_has_honest_words_for_a_reader_who_feels_bad() -> None:
    # "I'm enjoying this with you." is only true for a reader who is enjoying it: every
    # wording whose statements enjoy or share the partner's good feeling has `uneasy`
    # statements for a reader whose own check-in is unpleasant, and those never do.
    shared = 0
    for card in CARDS:
        for wording in wordings(card):
            claims = [p for p in wording.say if ENGLISH.good_feeling.search(p)]
            shared += len(claims)
            if claims:
                assert wording.uneasy, (card.id, claims)
            for phrase in (*wording.uneasy, *wording.ask):
                assert not ENGLISH.good_feeling.search(phrase), (card.id, phrase)
    assert shared  # the words of a reader who feels good are still there for them


def test_their_word_is_never_softened_or_upgraded() -> None:
    for message in _all_messages():
        assert not re.search(
            r"\b(really|so|very|quite|a bit|a little|kind of)\s+\{tone\}", message
        ), message


def test_settling_first_speaks_to_yourself_not_to_a_partner_who_may_want_space() -> None:
    # Flooded or running low, saying honestly that you'll answer later is allowed
    # (ATTUNEMENT.md); a clash of moods is yours to quiet, so its phrases are self-talk.
    for wording in catalog.SETTLE_CLASH.apart:
        for phrase in wording.say:
            assert not re.search(r"\b(you|your)\b", phrase, re.I), phrase


def test_every_space_wording_says_when_you_check_back_and_that_you_are_there() -> None:
    for wording in catalog.NEED_SPACE.apart:
        assert "{check_back}" in wording.say[0]
        assert "ready" in wording.say[1].lower()
        assert not wording.ask


def test_every_practical_help_wording_asks_before_advising() -> None:
    for wording in catalog.NEED_PRACTICAL_HELP.apart:
        assert re.search(r"\bask", wording.text, re.I), wording.text
        assert wording.ask and wording.ask[0].endswith("?")


def test_every_tone_and_need_has_its_words() -> None:
    assert set(TONE_WORDS) == set(Tone) == set(TONE_LABELS)
    assert set(NEED_LABELS) == set(Need)
    assert set(catalog.REASON_NEED) == set(Need)


# ---- gettext: every word for people is an N_ literal; the engines hold none -------------

CATALOG_MODULES = [
    "api/attunement/catalog.py",
    "api/attunement/summary_catalog.py",
    "api/attunement/words.py",
    "models/vocabulary.py",
]
ENGINE_MODULES = ["api/attunement/prompts.py", "api/attunement/summary.py"]


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _looks_like_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z][,.!?']* +[A-Za-z]", text))


@pytest.mark.parametrize("path", CATALOG_MODULES)
def test_every_sentence_in_a_catalog_is_an_n_literal(path: str) -> None:
    tree = ast.parse((ROOT / path).read_text())
    marked: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_":
            assert len(node.args) == 1 and isinstance(node.args[0], ast.Constant), ast.dump(node)
            assert isinstance(node.args[0].value, str)
            marked.add(id(node.args[0]))
    skip = _docstrings(tree) | marked
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            assert not _looks_like_words(node.value), (path, node.lineno, node.value)


@pytest.mark.parametrize("path", ENGINE_MODULES)
def test_the_engines_hold_no_words_for_people(path: str) -> None:
    tree = ast.parse((ROOT / path).read_text())
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):  # developer-facing error details stay English
            skip |= {id(n) for n in ast.walk(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            assert not _looks_like_words(node.value), (path, node.lineno, node.value)


def test_the_summary_catalog_messages_are_named_and_known() -> None:
    known = {"partner", "count", "answered", "of", "percent", "before", "gap", "felt", "number"}
    for name, value in vars(summary_catalog).items():
        if name.isupper() and not callable(value):
            messages = (
                [m for v in value.values() for m in (v if isinstance(v, tuple) else (v,))]
                if isinstance(value, dict)
                else list(value)
                if isinstance(value, tuple)
                else [value]
            )
            for message in messages:
                names = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
                assert names <= known, (name, message, names)
