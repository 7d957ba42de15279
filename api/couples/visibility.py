"""What a user may see of check-ins: their own, and their partner's shared ones.

A partner sees only `partner`-visible check-ins recorded while the two are paired (from
`paired_at` on, in the couple they are in now). A deleted check-in (a tombstone) is seen
by nobody. Everything else is invisible, and an invisible row answers 404 exactly like a
missing one. These are the rule's SQL conditions; the rooms that read check-ins build
their statements from them. One check-in not yet in the database (announcing a post) is
judged by `seen_by_partner`, the same rule in Python, kept next to its SQL (a test holds
the two together).
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


def seen_by_partner(pairing: Pairing | None, checkin: Any) -> bool:
    """Whether the partner may see the author's `checkin` (anything with `visibility` and
    `recorded_at`): `shared_since(author, paired_at)`, for a row in hand."""
    return (
        pairing is not None
        and checkin.visibility == Visibility.PARTNER.value
        and checkin.recorded_at >= pairing.paired_at
    )


def shared_in(pairing: Pairing, member_id: uuid.UUID) -> Any:
    """SQL condition: a check-in both people of `member_id`'s pairing may see (shared by
    either of them since the pairing began)."""
    return or_(
        shared_since(member_id, pairing.paired_at),
        shared_since(pairing.partner.id, pairing.paired_at),
    )


def shared_by_partner(pairing: Pairing | None) -> Any:
    """SQL condition: a check-in of the partner that the caller may see."""
    if pairing is None:
        return false()
    return shared_since(pairing.partner.id, pairing.paired_at)


def visible_to(user_id: uuid.UUID, pairing: Pairing | None) -> Any:
    """SQL condition: a check-in `user_id` may see (their own, or their partner's shared)."""
    return or_(own(user_id), shared_by_partner(pairing))
