"""What the weekly summary says of the daily question: on how many dates both answered."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import bindparam, func, select

from api.http.reads import fetch
from models import CoupleQuestion, QuestionAnswer

# The pairing's questions dated in [start, end] that hold two answers (one per partner:
# the primary key is the question and the author).
_ANSWERED_TOGETHER = select(func.count()).select_from(
    select(CoupleQuestion.id)
    .join(QuestionAnswer, QuestionAnswer.couple_question_id == CoupleQuestion.id)
    .where(
        CoupleQuestion.couple_id == bindparam("couple_id"),
        CoupleQuestion.date >= bindparam("start"),
        CoupleQuestion.date <= bindparam("end"),
    )
    .group_by(CoupleQuestion.id)
    .having(func.count() >= 2)
    .subquery()
)


def questions_answered_together(couple_id: uuid.UUID, start: date, end: date) -> int:
    """The number of dates from `start` to `end` (both included, local dates of a week)
    for which both partners of this pairing answered the couple's daily question."""
    return int(
        fetch(_ANSWERED_TOGETHER, {"couple_id": couple_id, "start": start, "end": end}).scalar_one()
    )
