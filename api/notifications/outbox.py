"""What to tell whom, written to the outbox in the caller's transaction (not committed).

Copy follows ATTUNEMENT.md: it says how the partner feels and invites turning toward
them. A check-in's note, and an answer to the daily question, never leave the app in a
push message. Texts are written in the recipient's language (their `locale`), whoever
caused the push.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from flask_babel import gettext
from sqlalchemy import select

from api.attunement.words import TONE_WORDS
from api.clock import now
from api.couples.pairing import Pairing, Partner
from api.couples.visibility import seen_by_partner
from api.http.language import speaking
from models import Notification, User, db
from models.vocabulary import N_, Tone

CHECKED_IN_TITLE = N_("{name} checked in")
CHECKED_IN_BODY = N_(
    "{name} checked in: feeling {tone}, energy {energy}. Open for how to meet them."
)
RESPONDED_TITLE = N_("{name} turned toward you")
RESPONDED_BODY = N_("{name} responded to your check-in.")
RATED_TITLE = N_("{name} read your response")
FELT_HEARD_BODY = N_("{name} felt heard by your response.")
NOT_HEARD_BODY = N_(
    "{name} said your response didn't quite land this time. "
    "Asking \u201cwhat would help?\u201d can repair it."
)
PAIRED_TITLE = N_("You're paired")
PAIRED_BODY = N_("{name} accepted your invite. You're paired!")
REMINDER_TITLE = N_("How are you feeling?")
REMINDER_BODY_PAIRED = N_("A short check-in lets {name} know where you are today.")
REMINDER_BODY_ALONE = N_("Take a moment to notice how you feel today.")
TODAYS_QUESTION = N_("Today's question")
YESTERDAYS_QUESTION = N_("Yesterday's question")
ANSWERED_TODAYS = N_("{name} answered today's question — answer yours to see theirs")
ANSWERED_YESTERDAYS = N_("{name} answered yesterday's question — answer yours to see theirs")
BOTH_ANSWERED = N_("{name} answered too — both answers are open")


def _written(locale: str | None, title: str, body: str, **values: object) -> tuple[str, str]:
    """Title and body in `locale`, placeholders filled after translating."""
    with speaking(locale):
        words = {
            key: gettext(TONE_WORDS[value]) if isinstance(value, Tone) else value
            for key, value in values.items()
        }
        return gettext(title).format(**words), gettext(body).format(**words)


def _notification(
    user_id: uuid.UUID, kind: str, text: tuple[str, str], data: dict[str, Any]
) -> Notification:
    moment = now()
    return Notification(
        id=uuid.uuid4(),
        user_id=user_id,
        kind=kind,
        title=text[0],
        body=text[1],
        data={"type": kind, **data},
        created_at=moment,
        next_attempt_at=moment,
    )


def _enqueue(user_id: uuid.UUID, kind: str, text: tuple[str, str], data: dict[str, Any]) -> None:
    db.session.add(_notification(user_id, kind, text, data))


def _locale_of(user_id: uuid.UUID) -> str | None:
    return db.session.scalar(select(User.locale).where(User.id == user_id))


def partner_checked_in(author_name: str, pairing: Pairing | None, checkin: Any) -> None:
    if pairing is None or not seen_by_partner(pairing, checkin):
        return  # nobody to tell, a private check-in, or one recorded before the pairing
    if not pairing.partner.wants_checkin_notifications:
        return
    text = _written(
        pairing.partner.locale,
        CHECKED_IN_TITLE,
        CHECKED_IN_BODY,
        name=author_name,
        tone=Tone(checkin.tone),
        energy=checkin.energy,
    )
    _enqueue(pairing.partner.id, "partner_checkin", text, {"checkin_id": str(checkin.id)})


def responded(responder_name: str, pairing: Pairing, response: Any) -> None:
    """To the check-in's author: responses are only ever to the responder's partner."""
    text = _written(pairing.partner.locale, RESPONDED_TITLE, RESPONDED_BODY, name=responder_name)
    _enqueue(
        pairing.partner.id,
        "response",
        text,
        {"checkin_id": str(response.checkin_id), "response_id": str(response.id)},
    )


def rated(rater_name: str, rater_pairing: Pairing | None, response: Any) -> None:
    """To the response's author, who may be an ex-partner by now."""
    partner = rater_pairing.partner if rater_pairing is not None else None
    locale = (
        partner.locale
        if partner is not None and partner.id == response.author_id
        else _locale_of(response.author_id)
    )
    body = FELT_HEARD_BODY if response.felt_heard else NOT_HEARD_BODY
    _enqueue(
        response.author_id,
        "felt_heard",
        _written(locale, RATED_TITLE, body, name=rater_name),
        {"checkin_id": str(response.checkin_id), "response_id": str(response.id)},
    )


def paired(inviter: Pairing, redeemer_name: str) -> None:
    """To the invite's creator: `inviter` is the pairing as the redeemer sees it."""
    text = _written(inviter.partner.locale, PAIRED_TITLE, PAIRED_BODY, name=redeemer_name)
    _enqueue(inviter.partner.id, "paired", text, {"couple_id": str(inviter.couple_id)})


def reminder(
    user_id: uuid.UUID, locale: str | None, partner_name: str | None, day_key: str
) -> Notification:
    body = REMINDER_BODY_PAIRED if partner_name else REMINDER_BODY_ALONE
    notification = _notification(
        user_id,
        "reminder",
        _written(locale, REMINDER_TITLE, body, name=partner_name),
        {},
    )
    notification.dedupe_key = f"reminder:{day_key}"
    db.session.add(notification)
    return notification


def question_answered(
    author_name: str,
    recipient: Partner,
    couple_question_id: uuid.UUID,
    question_date: date,
    *,
    both_answered: bool,
    question_of_their_today: bool,
) -> None:
    """Tell the partner that the author answered their daily question: never the answer.
    Sent whatever `notify_partner_checkins` says: that preference is about check-ins,
    like the pushes about responses and ratings."""
    title = TODAYS_QUESTION if question_of_their_today else YESTERDAYS_QUESTION
    if both_answered:
        kind, body = "question_answers_open", BOTH_ANSWERED
    else:
        kind = "question_answered"
        body = ANSWERED_TODAYS if question_of_their_today else ANSWERED_YESTERDAYS
    _enqueue(
        recipient.id,
        kind,
        _written(recipient.locale, title, body, name=author_name),
        {"question_id": str(couple_question_id), "date": question_date.isoformat()},
    )
