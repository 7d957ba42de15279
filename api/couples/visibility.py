"""What a user may see of check-ins: their own, and their partner's shared ones.

A partner sees only `partner`-visible check-ins recorded while the two are paired (from
`paired_at` on, in the couple they are in now). A deleted check-in (a tombstone) is seen
by nobody. Everything else is invisible, and an invisible row answers 404 exactly like a
missing one. These are the rule's SQL conditions; the rooms that read check-ins build
their statements from them.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, false, or_

from api.couples.pairing import Pairing
from models import CheckIn
from models.vocabulary import Visibility


def live() -> Any:
    """SQL condition: not deleted. Together with `author_id = ?` it is one range of the
    author index, so a filter on it costs the hot paths nothing."""
    return CheckIn.deleted_at.is_(None)


def own(user_id: Any) -> Any:
    """SQL condition: the user's own check-ins that still exist."""
    return and_(CheckIn.author_id == user_id, live())


def shared_since(partner_id: Any, paired_at: Any) -> Any:
    """SQL condition: the partner's shared check-ins recorded since the pairing began.

    Takes values or bound parameters, so that cached statements state the rule too.
    """
    return and_(
        CheckIn.author_id == partner_id,
        live(),
        CheckIn.visibility == Visibility.PARTNER.value,
        CheckIn.recorded_at >= paired_at,
    )


def shared_by_partner(pairing: Pairing | None) -> Any:
    """SQL condition: a check-in of the partner that the caller may see."""
    if pairing is None:
        return false()
    return shared_since(pairing.partner.id, pairing.paired_at)


def visible_to(user_id: uuid.UUID, pairing: Pairing | None) -> Any:
    """SQL condition: a check-in `user_id` may see (their own, or their partner's shared)."""
    return or_(own(user_id), shared_by_partner(pairing))
