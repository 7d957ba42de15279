"""Reading one check-in the way its reader may see it; invisible is the same as missing.

The one exception is the reader's own deleted check-in: 410 `deleted`, so that an app
drops it from its queue and its screens instead of retrying.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from api.auth.caller import Caller
from api.checkins.rows import CHECKIN_COLUMNS, fold_responses, with_responses
from api.couples.visibility import visible_to
from api.http.errors import ApiError, not_found
from api.http.reads import fetch
from models import CheckIn

# A check-in as shown: its row and its responses, already JSON.
Shown = tuple[Any, list[dict[str, Any]]]


def no_such_checkin() -> Exception:
    return not_found("No such check-in.")


def checkin_deleted() -> ApiError:
    return ApiError(410, "deleted", "You deleted this check-in.")


def is_own_tombstone(reader: Caller, checkin_id: uuid.UUID) -> bool:
    return (
        fetch(
            select(CheckIn.id).where(
                CheckIn.id == checkin_id,
                CheckIn.author_id == reader.id,
                CheckIn.deleted_at.is_not(None),
            )
        ).first()
        is not None
    )


def missing_checkin(reader: Caller, checkin_id: uuid.UUID) -> Exception:
    """Why the reader cannot see it: 410 for their own deleted check-in, else 404."""
    return checkin_deleted() if is_own_tombstone(reader, checkin_id) else no_such_checkin()


def _visible_checkin_query(reader: Caller, checkin_id: uuid.UUID) -> Any:
    """A select of the check-in's columns, empty if the reader may not see it."""
    return select(*CHECKIN_COLUMNS).where(
        CheckIn.id == checkin_id, visible_to(reader.id, reader.pairing)
    )


def visible_checkin(reader: Caller, checkin_id: uuid.UUID) -> Any | None:
    """The check-in's columns if the reader may see it, else None (to answer 404)."""
    return fetch(_visible_checkin_query(reader, checkin_id)).first()


def shown_checkin(reader: Caller, checkin_id: uuid.UUID) -> Shown:
    """The check-in (row, responses as JSON) if the reader may see it; else 404 (410 for
    their own deleted one)."""
    folded = fold_responses(fetch(with_responses(_visible_checkin_query(reader, checkin_id))))
    if not folded:
        raise missing_checkin(reader, checkin_id)
    return folded[0]
