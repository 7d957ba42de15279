"""What a user may see of check-ins: their own, and their partner's shared ones.

A partner sees only `partner`-visible check-ins recorded while the two are paired (from
`paired_at` on, in the couple they are in now). Everything else is invisible, and an
invisible row answers 404 exactly like a missing one.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import selectinload

from api.pairing import Pairing
from models import CheckIn, User, db
from models.vocabulary import Visibility


def shared_by_partner(pairing: Pairing | None) -> Any:
    """SQL condition: a check-in of the partner that the caller may see."""
    if pairing is None:
        return false()
    return and_(
        CheckIn.author_id == pairing.partner.id,
        CheckIn.visibility == Visibility.PARTNER.value,
        CheckIn.recorded_at >= pairing.couple.paired_at,
    )


def visible_to(user: User, pairing: Pairing | None) -> Any:
    return or_(CheckIn.author_id == user.id, shared_by_partner(pairing))


def visible_checkin(
    user: User, pairing: Pairing | None, checkin_id: uuid.UUID, *, with_responses: bool = True
) -> CheckIn | None:
    statement = select(CheckIn).where(CheckIn.id == checkin_id, visible_to(user, pairing))
    if with_responses:
        statement = statement.options(selectinload(CheckIn.responses))
    return db.session.scalars(statement).first()
