"""The question bank: at least 150 questions, light to deep, with stable ids."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from api.questions.bank import BY_ID, QUESTIONS, Depth, Theme

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_bank_holds_at_least_150_questions_with_unique_ids_and_texts():
    assert len(QUESTIONS) >= 150
    assert len(BY_ID) == len(QUESTIONS)
    assert len({q.text for q in QUESTIONS}) == len(QUESTIONS)


def test_every_depth_and_theme_is_well_represented():
    depths = Counter(q.depth for q in QUESTIONS)
    themes = Counter(q.theme for q in QUESTIONS)
    assert set(depths) == set(Depth) and min(depths.values()) >= 40
    assert set(themes) == set(Theme) and min(themes.values()) >= 20


def test_questions_are_questions_not_quizzes_or_scores():
    for question in QUESTIONS:
        assert question.text.endswith("?"), question.id
        assert "%" not in question.text and "{" not in question.text, question.id
        lowered = question.text.lower()
        for word in ("score", "quiz", "rate me", "guess", "who is better", "whose fault"):
            assert word not in lowered, (question.id, word)


def test_ids_are_short_stable_slugs():
    for question in QUESTIONS:
        assert len(question.id) <= 64  # couple_questions.question_id
        assert question.id == question.id.lower() and " " not in question.id


def test_every_text_is_marked_for_gettext_as_a_literal():
    """Babel extracts N_("...") literals only: each text must be one, in place."""
    tree = ast.parse((ROOT / "api" / "questions" / "bank.py").read_text())
    marked = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "N_"
        and isinstance(node.args[0], ast.Constant)
    ]
    assert marked == [q.text for q in QUESTIONS]
