"""Which question two people get next: a pure rule, from what they were asked before.

The rule, for two people across all their pairings (`asked` counts how often each bank
question was asked to them; a new pairing of the same two continues their history, a
pairing with someone else starts from nothing):

1. **No repeats until the bank is used up.** The current round is the lowest count over
   the bank; only questions asked that few times are candidates. A question comes back
   only once every question of the bank has been asked as often (then a new round starts).
   A question added to the bank later is asked before any other comes back.
2. **Depth rotates**: light, warm, deep, light, ... by the number of questions the two
   were asked so far. When a round has no candidate of that depth left, the next depth in
   the rotation is taken.
3. **A fixed shuffle per couple and round**: among the candidates of that depth, the one
   whose SHA-256 of (the two user ids, sorted; the round; the question id) is smallest.
   Different couples walk the bank in different orders, the same couple in a new order
   each round, and the answer depends neither on which partner asks nor on which worker.

The same history gives the same question, so both partners asking at once agree (and
the database keeps one row per couple and date anyway).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence

from api.questions.bank import Depth, Question

ROTATION = (Depth.LIGHT, Depth.WARM, Depth.DEEP)


def pair_key(first: uuid.UUID, second: uuid.UUID) -> str:
    """The same key whichever of the two asks."""
    return ":".join(sorted((str(first), str(second))))


def _shuffled(key: str, round_: int, question: Question) -> bytes:
    return hashlib.sha256(f"{key}|{round_}|{question.id}".encode()).digest()


def next_question(bank: Sequence[Question], key: str, asked: Mapping[str, int]) -> Question:
    """The question two people (`key`, see `pair_key`) get next, given how often each
    question id was asked to them so far (ids no longer in the bank count for the
    rotation, never as candidates)."""
    if not bank:
        raise ValueError("the question bank is empty")
    round_ = min(asked.get(question.id, 0) for question in bank)
    candidates = [question for question in bank if asked.get(question.id, 0) == round_]
    turn = sum(asked.values()) % len(ROTATION)
    for step in range(len(ROTATION)):
        depth = ROTATION[(turn + step) % len(ROTATION)]
        of_depth = [question for question in candidates if question.depth is depth]
        if of_depth:
            return min(of_depth, key=lambda question: _shuffled(key, round_, question))
    raise AssertionError("every candidate has a depth of the rotation")
