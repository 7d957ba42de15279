"""The rule that picks two people's next question, walked day by day without a database."""

from __future__ import annotations

import uuid
from collections import Counter

import pytest

from api.questions.bank import QUESTIONS, Depth, Question, Theme
from api.questions.choice import ROTATION, next_question, pair_key

ALEX, SAM, KIM = (uuid.UUID(int=n) for n in (1, 2, 3))


def walk(days: int, key: str, bank=QUESTIONS, asked: Counter | None = None) -> list[Question]:
    asked = Counter() if asked is None else asked
    walked = []
    for _ in range(days):
        question = next_question(bank, key, asked)
        asked[question.id] += 1
        walked.append(question)
    return walked


def test_no_question_repeats_until_the_bank_is_used_up_then_a_new_round_begins():
    n = len(QUESTIONS)
    walked = walk(2 * n + 10, pair_key(ALEX, SAM))
    first, second, third = walked[:n], walked[n : 2 * n], walked[2 * n :]
    assert len(set(first)) == n  # day 1..n: every question once
    assert len(set(second)) == n  # day n+1..2n: every question once more
    assert len(set(third)) == len(third)
    assert walked[n] in first  # day n+1 repeats: a new round


def test_a_new_round_walks_the_bank_in_a_new_order():
    n = len(QUESTIONS)
    walked = walk(2 * n, pair_key(ALEX, SAM))
    assert [q.id for q in walked[:20]] != [q.id for q in walked[n : n + 20]]


def test_depth_rotates_light_warm_deep_while_every_depth_has_questions_left():
    walked = walk(170, pair_key(ALEX, SAM))
    smallest = min(Counter(q.depth for q in QUESTIONS).values())
    rotating = len(ROTATION) * smallest
    assert [q.depth for q in walked[:rotating]] == list(ROTATION) * smallest
    assert [q.depth for q in walked[:3]] == [Depth.LIGHT, Depth.WARM, Depth.DEEP]


def test_the_choice_is_deterministic_and_the_same_whichever_partner_asks():
    assert pair_key(ALEX, SAM) == pair_key(SAM, ALEX)
    assert walk(30, pair_key(ALEX, SAM)) == walk(30, pair_key(SAM, ALEX))


def test_different_couples_walk_the_bank_in_different_orders():
    assert walk(10, pair_key(ALEX, SAM)) != walk(10, pair_key(ALEX, KIM))


def test_a_question_added_to_the_bank_is_asked_before_any_comes_back():
    bank = QUESTIONS[:9]
    asked = Counter({q.id: 1 for q in bank})
    newcomer = Question("delight-new-one", Depth.WARM, Theme.DELIGHT, "What made you smile?")
    assert next_question((*bank, newcomer), pair_key(ALEX, SAM), asked) == newcomer


def test_questions_no_longer_in_the_bank_are_never_chosen():
    bank = QUESTIONS[:6]
    asked = Counter({"retired-question": 5})
    assert {q.id for q in walk(6, pair_key(ALEX, SAM), bank, asked)} == {q.id for q in bank}


def test_an_empty_bank_is_an_error_not_a_silent_none():
    with pytest.raises(ValueError):
        next_question((), pair_key(ALEX, SAM), {})
