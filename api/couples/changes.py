"""Telling a couple's members that something of the couple changed, for their sync feed.

Check-ins, responses, ratings and pairings are logged by database triggers (migration
0008); what has no trigger of its own calls in here, in the transaction of the change.
This sits low in the layers so that any room may call it; `api.sync` reads the log.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import insert, literal, select

from models import Change, CoupleMember
from models.base import UTCDateTime, db


def record_question_change(couple_id: uuid.UUID, question_id: uuid.UUID, at: datetime) -> None:
    """The couple's daily question `question_id` changed (asked, answered, an answer
    changed): both members hear of it (not committed; call it in the change's transaction).

    `question_id` is the couple's question of a date (the `id` of `GET /questions/today`);
    the feed shows it only to members of `couple_id` while they are paired.
    """
    db.session.execute(
        insert(Change).from_select(
            ["user_id", "kind", "entity_id", "couple_id", "at"],
            select(
                CoupleMember.user_id,
                literal("question"),
                literal(question_id, Change.entity_id.type),
                literal(couple_id, Change.couple_id.type),
                literal(at, UTCDateTime()),
            ).where(CoupleMember.couple_id == couple_id),
        )
    )
