"""What a user may see of check-ins: their own, and their partner's shared ones.

A partner sees only `partner`-visible check-ins recorded while the two are paired (from
`paired_at` on, in the couple they are in now). Everything else is invisible, and an
invisible row answers 404 exactly like a missing one.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, false, or_, select

from api.caller import Caller
from api.errors import not_found
from api.pairing import Pairing
from api.reads import fetch
from api.render import CHECKIN_COLUMNS, fold_responses, with_responses
from models import CheckIn
from models.vocabulary import Visibility


def shared_since(partner_id: Any, paired_at: Any) -> Any:
    """SQL condition: the partner's shared check-ins recorded since the pairing began.

    Takes values or bound parameters, so that cached statements state the rule too.
    """
    return and_(
        CheckIn.author_id == partner_id,
        CheckIn.visibility == Visibility.PARTNER.value,
        CheckIn.recorded_at >= paired_at,
    )


def shared_by_partner(pairing: Pairing | None) -> Any:
    """SQL condition: a check-in of the partner that the caller may see."""
    if pairing is None:
        return false()
    return shared_since(pairing.partner.id, pairing.paired_at)


def visible_to(user: Caller, pairing: Pairing | None) -> Any:
    return or_(CheckIn.author_id == user.id, shared_by_partner(pairing))


def visible_checkin_query(user: Caller, pairing: Pairing | None, checkin_id: uuid.UUID) -> Any:
    """A select of the check-in's columns, empty if the caller may not see it."""
    return select(*CHECKIN_COLUMNS).where(CheckIn.id == checkin_id, visible_to(user, pairing))


def visible_checkin(user: Caller, pairing: Pairing | None, checkin_id: uuid.UUID) -> Any | None:
    """The check-in's columns if the caller may see it, else None (to answer 404)."""
    return fetch(visible_checkin_query(user, pairing, checkin_id)).first()


def shown_checkin(
    user: Caller, pairing: Pairing | None, checkin_id: uuid.UUID
) -> tuple[Any, list[dict[str, Any]]]:
    """The check-in (row, responses as JSON) if the caller may see it; else 404."""
    statement = with_responses(visible_checkin_query(user, pairing, checkin_id))
    folded = fold_responses(fetch(statement))
    if not folded:
        raise not_found("No such check-in.")
    return folded[0]
