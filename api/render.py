"""JSON for the hot paths, written directly.

The schemas in `schemas/` still describe these bodies in the OpenAPI document (and the
schemathesis test checks every answer against them); on the busiest endpoints the body
is built here from plain rows instead of dumped field by field through marshmallow.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from flask import Response
from sqlalchemy import select

from models import CheckIn, db
from models import Response as ResponseRow
from models.vocabulary import Tone, quadrant

CHECKIN_COLUMNS = (
    CheckIn.id,
    CheckIn.author_id,
    CheckIn.tone,
    CheckIn.energy,
    CheckIn.need,
    CheckIn.note,
    CheckIn.visibility,
    CheckIn.recorded_at,
    CheckIn.created_at,
)
RESPONSE_COLUMNS = (
    ResponseRow.id,
    ResponseRow.checkin_id,
    ResponseRow.author_id,
    ResponseRow.kind,
    ResponseRow.message,
    ResponseRow.felt_heard,
    ResponseRow.created_at,
)


def response_json(row: Any) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "checkin_id": str(row.checkin_id),
        "author_id": str(row.author_id),
        "kind": row.kind,
        "message": row.message,
        "felt_heard": row.felt_heard,
        "created_at": row.created_at.isoformat(),
    }


def checkin_json(row: Any, responses: Iterable[Any] = ()) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "author_id": str(row.author_id),
        "tone": row.tone,
        "energy": row.energy,
        "quadrant": quadrant(Tone(row.tone), row.energy).value,
        "need": row.need,
        "note": row.note,
        "visibility": row.visibility,
        "recorded_at": row.recorded_at.isoformat(),
        "created_at": row.created_at.isoformat(),
        "responses": [response_json(r) for r in responses],
    }


def responses_by_checkin(checkin_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    """The responses to these check-ins, oldest first, in one query."""
    grouped: dict[uuid.UUID, list[Any]] = defaultdict(list)
    if checkin_ids:
        rows = db.session.execute(
            select(*RESPONSE_COLUMNS)
            .where(ResponseRow.checkin_id.in_(checkin_ids))
            .order_by(ResponseRow.created_at, ResponseRow.id)
        )
        for row in rows:
            grouped[row.checkin_id].append(row)
    return grouped


def checkins_json(rows: Sequence[Any]) -> list[dict[str, Any]]:
    responses = responses_by_checkin([row.id for row in rows])
    return [checkin_json(row, responses.get(row.id, ())) for row in rows]


def json_response(payload: Any, status: int = 200) -> Response:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return Response(body, status=status, mimetype="application/json")
