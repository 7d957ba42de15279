"""A user's own answers to the daily question, for their export: never the partner's."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from models import CoupleQuestion, QuestionAnswer, db


def answers_of(user_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every answer `user_id` wrote, in any pairing, oldest first."""
    rows = db.session.execute(
        select(
            CoupleQuestion.id,
            CoupleQuestion.couple_id,
            CoupleQuestion.question_id,
            CoupleQuestion.date,
            QuestionAnswer.text,
            QuestionAnswer.answered_at,
            QuestionAnswer.changed_at,
        )
        .join(QuestionAnswer, QuestionAnswer.couple_question_id == CoupleQuestion.id)
        .where(QuestionAnswer.user_id == user_id)
        .order_by(CoupleQuestion.date, QuestionAnswer.answered_at)
    ).all()
    return [
        {
            "couple_question_id": row.id,
            "couple_id": row.couple_id,
            "question_id": row.question_id,
            "date": row.date,
            "text": row.text,
            "answered_at": row.answered_at,
            "changed_at": row.changed_at,
        }
        for row in rows
    ]
