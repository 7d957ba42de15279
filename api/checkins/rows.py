"""Check-in rows as the hot paths read them, and as JSON.

A check-in and its responses come in one statement (`with_responses`), folded back
together by column position (`fold_responses`), and written as JSON directly
(`checkin_json`) rather than dumped through marshmallow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select

from models import CheckIn
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


_CHECKIN_WIDTH = len(CHECKIN_COLUMNS)
RESPONSE_LABELS = tuple(column.label(f"response_{column.key}") for column in RESPONSE_COLUMNS)

# Every (tone, energy) pair there is: a lookup instead of building enums for every row.
_QUADRANTS = {
    (tone.value, energy): quadrant(tone, energy).value for tone in Tone for energy in range(1, 11)
}


def with_responses(checkins: Any) -> Any:
    """`checkins` (a select of CHECKIN_COLUMNS) joined with their responses, one statement.

    A check-in comes once per response (once if it has none), newest check-in first and
    its responses oldest first; `fold_responses` puts them back together.
    """
    page = checkins.subquery()
    return (
        select(page, *RESPONSE_LABELS)
        .outerjoin(ResponseRow, ResponseRow.checkin_id == page.c.id)
        .order_by(
            page.c.recorded_at.desc(), page.c.id.desc(), ResponseRow.created_at, ResponseRow.id
        )
    )


def fold_responses(
    rows: Iterable[Any], width: int = _CHECKIN_WIDTH
) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Rows of a `with_responses` statement as (check-in row, its responses as JSON).

    Columns are read by position (CHECKIN_COLUMNS and any further check-in columns, `width`
    in all, then RESPONSE_COLUMNS): looking them up by name cost more than the fold.
    """
    folded: list[tuple[Any, list[dict[str, Any]]]] = []
    last_id = None
    for row in rows:
        if row[0] != last_id:
            folded.append((row, []))
            last_id = row[0]
        response_id, checkin_id, author_id, kind, message, felt_heard, created_at = row[width:]
        if response_id is not None:
            folded[-1][1].append(
                {
                    "id": response_id,
                    "checkin_id": checkin_id,
                    "author_id": author_id,
                    "kind": kind,
                    "message": message,
                    "felt_heard": felt_heard,
                    "created_at": created_at,
                }
            )
    return folded


def checkin_json(
    row: Sequence[Any], responses: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A check-in from a row whose first columns are CHECKIN_COLUMNS, in that order."""
    id_, author_id, tone, energy, need, note, visibility, recorded_at, created_at = row[
        :_CHECKIN_WIDTH
    ]
    return {
        "id": id_,
        "author_id": author_id,
        "tone": tone,
        "energy": energy,
        "quadrant": _QUADRANTS[(tone, energy)],
        "need": need,
        "note": note,
        "visibility": visibility,
        "recorded_at": recorded_at,
        "created_at": created_at,
        "responses": responses if responses is not None else [],
    }


def checkins_json(folded: Iterable[tuple[Any, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    return [checkin_json(row, responses) for row, responses in folded]
