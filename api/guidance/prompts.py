"""Prompts for the caller: both latest check-ins read in one statement, then the pure core."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, select, union_all

from api.attunement.prompts import Feeling, PromptSet, build_prompts
from api.auth.caller import Caller
from api.checkins.rows import CHECKIN_COLUMNS, checkin_json, fold_responses, with_responses
from api.checkins.visible import Shown, shown_checkin
from api.clock import now
from api.couples.pairing import Pairing, require_pairing
from api.couples.visibility import own, shared_since
from api.http.reads import fetch
from models import CheckIn
from models.vocabulary import Need, Tone

RECENT = timedelta(hours=24)


def feeling(checkin: Any) -> Feeling:
    return Feeling(
        id=str(checkin.id),
        tone=Tone(checkin.tone),
        energy=checkin.energy,
        need=Need(checkin.need) if checkin.need else None,
        recorded_at=checkin.recorded_at,
    )


def _latest(scope: Any) -> Any:
    return (
        select(*CHECKIN_COLUMNS)
        .where(scope, CheckIn.recorded_at >= bindparam("since"))
        .order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc())
        .limit(1)
    )


# The caller's latest and the partner's latest shared check-in, each one row from its
# author's index range: a day with many check-ins costs the same as a quiet one.
_LATEST_OF_BOTH = with_responses(
    union_all(
        select(_latest(own(bindparam("me"))).subquery()),
        select(_latest(shared_since(bindparam("partner"), bindparam("paired_at"))).subquery()),
    )
)


def _latest_recent(caller: Caller, pairing: Pairing) -> tuple[Shown | None, Shown | None]:
    """The partner's latest shared check-in and the caller's latest, of the last 24 hours."""
    shown = fold_responses(
        fetch(
            _LATEST_OF_BOTH,
            {
                "me": caller.id,
                "partner": pairing.partner.id,
                "paired_at": pairing.paired_at,
                "since": now() - RECENT,
            },
        )
    )
    own = next((c for c in shown if c[0].author_id == caller.id), None)
    partners = next((c for c in shown if c[0].author_id != caller.id), None)
    return partners, own


def _answer(partner: Shown | None, mine: Shown | None, prompts: PromptSet) -> dict[str, Any]:
    def rendered(checkin: Shown | None) -> dict[str, Any] | None:
        return None if checkin is None else checkin_json(*checkin)

    return {
        "partner_checkin": rendered(partner),
        "my_checkin": rendered(mine),
        # orjson writes the dataclasses field by field, in order (asdict deep-copied them).
        "prompts": prompts.prompts,
        "avoid": prompts.avoid,
    }


def _prompts_for(
    caller: Caller,
    pairing: Pairing,
    partner: Shown | None,
    mine: Shown | None,
    *,
    about_own_checkin: bool = False,
) -> dict[str, Any]:
    prompts = build_prompts(
        feeling(partner[0]) if partner else None,
        feeling(mine[0]) if mine else None,
        partner_name=pairing.partner.display_name,
        my_name=caller.display_name,
        now=now(),
        about_own_checkin=about_own_checkin,
    )
    return _answer(partner, mine, prompts)


def prompts_now(caller: Caller) -> dict[str, Any]:
    """From both partners' latest check-ins of the last day; 404 when unpaired."""
    pairing = require_pairing(caller)
    partner, mine = _latest_recent(caller, pairing)
    return _prompts_for(caller, pairing, partner, mine)


def prompts_for_checkin(caller: Caller, checkin_id: uuid.UUID) -> dict[str, Any]:
    """For one check-in: the partner's (met with the caller's latest), or the caller's own
    (then only attuning to yourself); 404 when unpaired or invisible."""
    pairing = require_pairing(caller)
    checkin = shown_checkin(caller, checkin_id)
    if checkin[0].author_id == caller.id:
        return _prompts_for(caller, pairing, None, checkin, about_own_checkin=True)
    _, mine = _latest_recent(caller, pairing)
    return _prompts_for(caller, pairing, checkin, mine)
