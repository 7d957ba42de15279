"""What to tell whom, written to the outbox in the caller's transaction (not committed).

Copy follows ATTUNEMENT.md: it says how the partner feels and invites turning toward
them. A check-in's note never leaves the app in a push message.
"""

from __future__ import annotations

import uuid
from typing import Any

from api.clock import now
from api.couples.pairing import Pairing
from api.couples.visibility import seen_by_partner
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
    if pairing is None or not seen_by_partner(pairing, checkin):
        return  # nobody to tell, a private check-in, or one recorded before the pairing
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
