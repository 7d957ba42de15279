"""What to tell whom, written to the outbox in the caller's transaction (not committed).

Copy follows ATTUNEMENT.md: it says how the partner feels and invites turning toward
them. A check-in's note, and an answer to the daily question, never leave the app in a
push message.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from flask_babel import gettext

from api.clock import now
from api.couples.pairing import Pairing, Partner
from api.http.language import speaking
from models import Notification, db


def _enqueue(user_id: uuid.UUID, kind: str, title: str, body: str, data: dict[str, Any]) -> None:
    moment = now()
    db.session.add(
        Notification(
            id=uuid.uuid4(),
            user_id=user_id,
            kind=kind,
            title=title,
            body=body,
            data={"type": kind, **data},
            created_at=moment,
            next_attempt_at=moment,
        )
    )


def partner_checked_in(author_name: str, pairing: Pairing | None, checkin: Any) -> None:
    if pairing is None or checkin.visibility != "partner":
        return  # a private check-in, or nobody to tell
    if not pairing.partner.wants_checkin_notifications:
        return
    _enqueue(
        pairing.partner.id,
        "partner_checkin",
        f"{author_name} checked in",
        f"{author_name} checked in: feeling {checkin.tone}, energy {checkin.energy}. "
        "Open for how to meet them.",
        {"checkin_id": str(checkin.id)},
    )


def responded(responder_name: str, checkin_author_id: uuid.UUID, response: Any) -> None:
    _enqueue(
        checkin_author_id,
        "response",
        f"{responder_name} turned toward you",
        f"{responder_name} responded to your check-in.",
        {"checkin_id": str(response.checkin_id), "response_id": str(response.id)},
    )


def rated(rater_name: str, response: Any) -> None:
    if response.felt_heard:
        body = f"{rater_name} felt heard by your response."
    else:
        body = (
            f"{rater_name} said your response didn't quite land this time. "
            "Asking \u201cwhat would help?\u201d can repair it."
        )
    _enqueue(
        response.author_id,
        "felt_heard",
        f"{rater_name} read your response",
        body,
        {"checkin_id": str(response.checkin_id), "response_id": str(response.id)},
    )


def paired(inviter_id: uuid.UUID, redeemer_name: str, couple_id: uuid.UUID) -> None:
    _enqueue(
        inviter_id,
        "paired",
        "You're paired",
        f"{redeemer_name} accepted your invite. You're paired!",
        {"couple_id": str(couple_id)},
    )


def reminder(user_id: uuid.UUID, partner_name: str | None, day_key: str) -> Notification:
    body = (
        f"A short check-in lets {partner_name} know where you are today."
        if partner_name
        else "Take a moment to notice how you feel today."
    )
    moment = now()
    notification = Notification(
        id=uuid.uuid4(),
        user_id=user_id,
        kind="reminder",
        title="How are you feeling?",
        body=body,
        data={"type": "reminder"},
        created_at=moment,
        next_attempt_at=moment,
        dedupe_key=f"reminder:{day_key}",
    )
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
    """Tell the partner that the author answered their daily question: never the answer,
    in the recipient's language. Sent whatever `notify_partner_checkins` says: that
    preference is about check-ins, like the pushes about responses and ratings."""
    with speaking(recipient.locale):
        if both_answered:
            kind = "question_answers_open"
            body = gettext("%(name)s answered too — both answers are open", name=author_name)
        elif question_of_their_today:
            kind = "question_answered"
            body = gettext(
                "%(name)s answered today's question — answer yours to see theirs",
                name=author_name,
            )
        else:
            kind = "question_answered"
            body = gettext(
                "%(name)s answered yesterday's question — answer yours to see theirs",
                name=author_name,
            )
        title = (
            gettext("Today's question")
            if question_of_their_today
            else gettext("Yesterday's question")
        )
    _enqueue(
        recipient.id,
        kind,
        title,
        body,
        {"question_id": str(couple_question_id), "date": question_date.isoformat()},
    )
