"""Whether a queued push still concerns its recipient, asked again when it is sent.

A row may wait in the outbox for hours (quiet hours, retries). Meanwhile the check-in may
be deleted, the pairing end, an account go. The worker asks `reason_to_drop` just before
sending: a push about something the recipient can no longer see is dropped, with the
reason, never sent. The rule of what a partner sees is `api.couples.visibility`'s.

Kinds without a rule here (reminders) are about nothing but the recipient, and are sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import exists, select

from api.couples.pairing import pairing_of
from api.couples.visibility import shared_in
from models import CheckIn, CoupleQuestion, Notification, Response, db

CHECKIN_GONE = "the check-in is gone or no longer visible to the recipient"
RESPONSE_GONE = "the response is gone"
PAIRING_ENDED = "the pairing has ended"


def _id(data: Mapping[str, Any], key: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(data[key]))
    except (KeyError, ValueError):
        return None


def _checkin_shared(recipient_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    """The check-in exists, and both the recipient and their partner of now may see it:
    shared, by one of them, recorded within this pairing."""
    checkin_id, pairing = _id(data, "checkin_id"), pairing_of(recipient_id)
    if checkin_id is None or pairing is None:
        return CHECKIN_GONE
    visible = db.session.scalar(
        select(exists().where(CheckIn.id == checkin_id, shared_in(pairing, recipient_id)))
    )
    return None if visible else CHECKIN_GONE


def _response_there(recipient_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    reason = _checkin_shared(recipient_id, data)
    if reason is not None:
        return reason
    response_id = _id(data, "response_id")
    if response_id is None or db.session.get(Response, response_id) is None:
        return RESPONSE_GONE
    return None


def _pairing_on(recipient_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    pairing = pairing_of(recipient_id)
    if pairing is None or pairing.couple_id != _id(data, "couple_id"):
        return PAIRING_ENDED
    return None


def _question_of_this_pairing(recipient_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    """A daily question belongs to the pairing it was asked in: once that has ended, the
    partner's answer is out of reach, and so is the push about it."""
    pairing, question_id = pairing_of(recipient_id), _id(data, "question_id")
    asked_here = (
        pairing is not None
        and question_id is not None
        and db.session.scalar(
            select(
                exists().where(
                    CoupleQuestion.id == question_id,
                    CoupleQuestion.couple_id == pairing.couple_id,
                )
            )
        )
    )
    return None if asked_here else PAIRING_ENDED


_RULES: dict[str, Callable[[uuid.UUID, Mapping[str, Any]], str | None]] = {
    "partner_checkin": _checkin_shared,
    "response": _response_there,
    "felt_heard": _response_there,
    "paired": _pairing_on,
    "question_answered": _question_of_this_pairing,
    "question_answers_open": _question_of_this_pairing,
}


def reason_to_drop(notification: Notification) -> str | None:
    """Why `notification` must not be sent any more, or None when it may be."""
    rule = _RULES.get(notification.kind)
    return None if rule is None else rule(notification.user_id, notification.data or {})
