"""A couple's question of a date and the two answers to it, as each partner may see them.

- A couple has one question per date; each partner sees the one of their own local date
  (partners in different zones may briefly see different dates). The first partner to
  open it creates it: an insert that is ignored when the other partner's insert won the
  unique key (couple, date), after which both read the one row.
- "Answer yours to see theirs": `partner_answer` stays null until the caller answered;
  `partner_answered` is always shown.
- An answer lands on the question of the caller's local today or yesterday (a late or
  queued answer lands where its author saw it); older is `question_closed`. It may change
  until the partner has answered too; then it is `answer_locked`.
- A caller sees the questions of their current pairing dated up to their own local today;
  anything else answers 404, like a question that does not exist.
"""

from __future__ import annotations

import base64
import re
import struct
import uuid
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import and_, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased

from api.auth.caller import Caller
from api.clock import now
from api.couples.pairing import Pairing, require_pairing
from api.http.errors import ApiError, not_found
from api.http.language import Translate, texts_for_people
from api.http.reads import fetch
from api.notifications import outbox
from api.questions.bank import BY_ID, QUESTIONS
from api.questions.choice import next_question, pair_key
from models import CoupleMember, CoupleQuestion, QuestionAnswer, db

_mine, _theirs = aliased(QuestionAnswer), aliased(QuestionAnswer)

# A pairing's questions, each with the caller's answer and the partner's (at most one
# each: the primary key is the question and the author).
_QUESTIONS = (
    select(
        CoupleQuestion.id,
        CoupleQuestion.date,
        CoupleQuestion.question_id,
        _mine.text.label("my_text"),
        _mine.answered_at.label("my_answered_at"),
        _theirs.text.label("their_text"),
        _theirs.answered_at.label("their_answered_at"),
    )
    .outerjoin(
        _mine,
        and_(_mine.couple_question_id == CoupleQuestion.id, _mine.user_id == bindparam("me")),
    )
    .outerjoin(
        _theirs,
        and_(
            _theirs.couple_question_id == CoupleQuestion.id,
            _theirs.user_id == bindparam("partner"),
        ),
    )
    .where(CoupleQuestion.couple_id == bindparam("couple_id"))
)
_ON_DATE = _QUESTIONS.where(CoupleQuestion.date == bindparam("date"))
_BY_ID = _QUESTIONS.where(CoupleQuestion.id == bindparam("question_id"))
_PAGE = (
    _QUESTIONS.where(CoupleQuestion.date < bindparam("before"))
    .order_by(CoupleQuestion.date.desc())
    .limit(bindparam("page_size"))
)

# How often each bank question was asked to these two people, in any of their pairings.
_one, _other = aliased(CoupleMember), aliased(CoupleMember)
_ASKED = (
    select(CoupleQuestion.question_id, func.count())
    .where(
        CoupleQuestion.couple_id.in_(
            select(_one.couple_id)
            .join(_other, _other.couple_id == _one.couple_id)
            .where(_one.user_id == bindparam("me"), _other.user_id == bindparam("partner"))
        )
    )
    .group_by(CoupleQuestion.question_id)
)


def local_today(timezone: str, moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


def no_such_question() -> ApiError:
    return not_found("No such question.")


def _answer(text: str | None, answered_at: datetime | None) -> dict[str, Any] | None:
    return None if text is None else {"text": text, "answered_at": answered_at}


def question_view(row: Any, translate: Translate) -> dict[str, Any]:
    """The body of GET /questions/today for one question, under the reveal rule."""
    question = BY_ID[row.question_id]
    mine = _answer(row.my_text, row.my_answered_at)
    return {
        "id": row.id,
        "date": row.date.isoformat(),
        "question": {
            "id": question.id,
            "text": translate(question.text),
            "depth": question.depth.value,
        },
        "my_answer": mine,
        "partner_answered": row.their_text is not None,
        # Answer yours to see theirs.
        "partner_answer": None if mine is None else _answer(row.their_text, row.their_answered_at),
    }


class _Row(NamedTuple):
    """A question's row as `_QUESTIONS` selects it, for one built from known values."""

    id: uuid.UUID
    date: date
    question_id: str
    my_text: str | None
    my_answered_at: datetime | None
    their_text: str | None
    their_answered_at: datetime | None


def _values(caller: Caller, pairing: Pairing, **more: Any) -> dict[str, Any]:
    return {"me": caller.id, "partner": pairing.partner.id, "couple_id": pairing.couple_id, **more}


_TABLE = CoupleQuestion.__table__


def _insert_unless_asked() -> Any:
    """INSERT ... ON CONFLICT (couple_id, date) DO NOTHING, in the database's dialect."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(_TABLE).on_conflict_do_nothing(
            index_elements=["couple_id", "date"]
        )
    return sqlite.insert(_TABLE).on_conflict_do_nothing(index_elements=["couple_id", "date"])


def _ask(caller: Caller, pairing: Pairing, day: date, moment: datetime) -> Any:
    """Create the couple's question of `day` (not committed), or read the one the partner
    created a moment ago. Returns the row as the statement `_ON_DATE` gives it."""
    asked = dict(fetch(_ASKED, _values(caller, pairing)).all())
    question = next_question(QUESTIONS, pair_key(caller.id, pairing.partner.id), asked)
    question_id = uuid.uuid4()
    inserted = db.session.execute(
        _insert_unless_asked()
        .values(
            id=question_id,
            couple_id=pairing.couple_id,
            date=day,
            question_id=question.id,
            created_at=moment,
        )
        .returning(_TABLE.c.id)
    ).first()
    if inserted is not None:  # a new question has no answers yet
        return _Row(question_id, day, question.id, None, None, None, None)
    return fetch(_ON_DATE, _values(caller, pairing, date=day)).one()


def todays_question(caller: Caller) -> dict[str, Any]:
    """The couple's question of the caller's local today, created if nobody opened it yet
    (not committed)."""
    pairing = require_pairing(caller)
    moment = now()
    today = local_today(caller.timezone, moment)
    row = fetch(_ON_DATE, _values(caller, pairing, date=today)).first()
    if row is None:
        row = _ask(caller, pairing, today, moment)
    return question_view(row, texts_for_people())


def _locked(caller: Caller, pairing: Pairing, question_id: uuid.UUID) -> Any:
    """The caller's couple question with both answers, locked for this transaction.

    On PostgreSQL the question row is locked first (FOR UPDATE), and the answers are read
    by the next statement: under READ COMMITTED that one sees an answer the partner
    committed while this transaction waited for the lock (a single locking SELECT joined
    to the answers would not). SQLite takes no row locks (pysqlite even reads outside a
    transaction): there, two answers at the same instant are both kept, but each may miss
    the other's; production runs PostgreSQL, where the race tests prove the lock.
    """
    values = _values(caller, pairing, question_id=question_id)
    if db.session.get_bind().dialect.name == "postgresql":
        locked = db.session.execute(
            select(CoupleQuestion.id)
            .where(
                CoupleQuestion.id == question_id,
                CoupleQuestion.couple_id == pairing.couple_id,
            )
            .with_for_update()
        ).first()
        if locked is None:
            return None
    return db.session.execute(_BY_ID, values).first()


def answer_question(caller: Caller, question_id: uuid.UUID, text: str) -> dict[str, Any]:
    """Answer (or change the answer to) a question of the caller's local today or
    yesterday; tell the partner on a first answer (not committed)."""
    pairing = require_pairing(caller)
    moment = now()
    today = local_today(caller.timezone, moment)
    row = _locked(caller, pairing, question_id)
    if row is None or row.date > today:
        raise no_such_question()
    if row.date < today - timedelta(days=1):
        raise ApiError(409, "question_closed", "Questions take answers on their day and the next.")
    if row.my_text is not None and row.their_text is not None and row.my_text != text:
        raise ApiError(409, "answer_locked", "Both of you answered: the answers no longer change.")
    answered_at = row.my_answered_at
    if row.my_text is None:
        answered_at = moment
        db.session.execute(
            insert(QuestionAnswer).values(
                couple_question_id=row.id, user_id=caller.id, text=text, answered_at=moment
            )
        )
        outbox.question_answered(
            caller.display_name,
            pairing.partner,
            row.id,
            row.date,
            both_answered=row.their_text is not None,
            question_of_their_today=row.date >= local_today(pairing.partner.timezone, moment),
        )
    elif row.my_text != text:
        db.session.execute(
            update(QuestionAnswer)
            .where(QuestionAnswer.couple_question_id == row.id, QuestionAnswer.user_id == caller.id)
            .values(text=text, changed_at=moment)
        )
    answered = _Row(
        row.id, row.date, row.question_id, text, answered_at, row.their_text, row.their_answered_at
    )
    return question_view(answered, texts_for_people())


def shown_question(caller: Caller, question_id: uuid.UUID) -> dict[str, Any] | None:
    """The couple question as `GET /questions/today` shows it for its date, or None when it
    is not of the caller's current pairing (the sync feed's `question` data)."""
    if caller.pairing is None:
        return None
    row = fetch(_BY_ID, _values(caller, caller.pairing, question_id=question_id)).first()
    return None if row is None else question_view(row, texts_for_people())


# A position in the list: the date the next page ends before, as a day number packed with
# a spare field. Any string of this shape is a position, as the OpenAPI document says.
CURSOR_SHAPE = re.compile(r"[A-Za-z0-9_-]{8}")
_CURSOR = struct.Struct(">iH")


def _encode_cursor(day: date) -> str:
    return base64.urlsafe_b64encode(_CURSOR.pack(day.toordinal(), 0)).decode()


def _decode_cursor(cursor: str) -> date:
    if CURSOR_SHAPE.fullmatch(cursor) is None:
        message = "Not a cursor this service gave out."
        raise ApiError(422, "validation_error", f"cursor: {message}", errors={"cursor": [message]})
    ordinal, _ = _CURSOR.unpack(base64.urlsafe_b64decode(cursor))
    return date.fromordinal(min(max(ordinal, 1), date.max.toordinal()))


def question_page(caller: Caller, limit: int, cursor: str | None) -> dict[str, Any]:
    """`{"items", "next_cursor"}`: the current pairing's questions dated up to the caller's
    local today, newest first, each under the reveal rule."""
    pairing = require_pairing(caller)
    before = local_today(caller.timezone, now()) + timedelta(days=1)
    if cursor is not None:
        before = min(before, _decode_cursor(cursor))
    rows = fetch(_PAGE, _values(caller, pairing, before=before, page_size=limit + 1)).all()
    translate = texts_for_people()
    items = rows[:limit]
    return {
        "items": [question_view(row, translate) for row in items],
        "next_cursor": _encode_cursor(items[-1].date) if len(rows) > limit else None,
    }
