from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, new_id, utcnow

ANSWER_MAX_LENGTH = 1000


class CoupleQuestion(db.Model):  # type: ignore[name-defined]
    """The daily question a couple was asked on a date: one per couple and date.

    It belongs to the pairing it was asked in: a new pairing, even of the same two people,
    starts with questions of its own. `question_id` names a question of the bank
    (api/questions/bank.py); the wording lives there, in every language.
    """

    __tablename__ = "couple_questions"
    __table_args__ = (
        # Both partners opening the app at once still make one question: the second
        # insert is ignored on this key, and both read the one row.
        UniqueConstraint("couple_id", "date", name="uq_couple_questions_couple_date"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    couple_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("couples.id", ondelete="CASCADE"))
    # The local date of the partner who first opened it (each partner sees their own date's).
    date: Mapped[dt.date] = mapped_column(Date)
    question_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuestionAnswer(db.Model):  # type: ignore[name-defined]
    """One partner's answer to their couple's question of a date: one per person.

    The author's own data: deleted with their account, in their export, and never shown
    to anyone but the partner of that pairing, once the partner has answered too.
    """

    __tablename__ = "question_answers"
    __table_args__ = (
        CheckConstraint(f"length(text) BETWEEN 1 AND {ANSWER_MAX_LENGTH}", name="text_length"),
    )

    couple_question_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("couple_questions.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    text: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the text was last changed (an answer may change until both have answered).
    changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
