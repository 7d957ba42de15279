"""Turning toward a check-in (a response), and its author saying whether it landed."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from api.auth.caller import Caller
from api.checkins.visible import missing_checkin, visible_checkin
from api.clock import now
from api.http.errors import ApiError, not_found
from api.http.limits import RESPOND_LIMIT
from api.notifications import outbox
from models import CheckIn, Response, db


def respond(responder: Caller, checkin_id: uuid.UUID, body: dict[str, Any]) -> Response:
    """A response to the partner's check-in (not committed); 429 past RATELIMIT_RESPOND."""
    checkin = visible_checkin(responder, checkin_id)
    if checkin is None:
        raise missing_checkin(responder, checkin_id)
    if checkin.author_id == responder.id:
        raise ApiError(403, "forbidden", "Responses are for your partner's check-ins.")
    RESPOND_LIMIT.take(responder.id)  # only a response that is stored counts
    response = Response(
        id=uuid.uuid4(),
        checkin_id=checkin.id,
        author_id=responder.id,
        kind=body["kind"].value,
        message=body.get("message"),
        created_at=now(),
    )
    db.session.add(response)
    # Only a partner sees the check-in: it is the pairing's other member who hears of it.
    assert responder.pairing is not None
    outbox.responded(responder.display_name, responder.pairing, response)
    return response


def _no_such_response() -> ApiError:
    return not_found("No such response.")


def rate(rater: Caller, response_id: uuid.UUID, felt_heard: bool) -> Response:
    """The check-in's author says whether a response made them feel heard (not committed).

    Its writer, who can see the check-in, learns that only the author rates (403);
    anyone else learns nothing (404).
    """
    row = db.session.execute(
        select(Response, CheckIn.author_id)
        .join(CheckIn, CheckIn.id == Response.checkin_id)
        .where(Response.id == response_id)
    ).first()
    if row is None:
        raise _no_such_response()
    response, checkin_author_id = row
    if checkin_author_id != rater.id:
        wrote_it_and_sees_it = (
            response.author_id == rater.id
            and visible_checkin(rater, response.checkin_id) is not None
        )
        if wrote_it_and_sees_it:
            raise ApiError(403, "forbidden", "Only the check-in's author rates a response.")
        raise _no_such_response()
    if response.felt_heard is not felt_heard:
        response.felt_heard = felt_heard
        outbox.rated(rater.display_name, rater.pairing, response)
    response.rated_at = now()
    return response
