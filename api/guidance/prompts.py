"""Prompts for the caller: what the pure core needs, read in one statement, in the
answer's language.

The inputs (API.md "Attunement prompts", rule 10): the partner's check-in to attune to,
the caller's own latest of the last day, the partner's last three shared check-ins of
the pairing (the hard stretch, dated in the partner's zone), the running number of the
partner's check-in among their shared ones (it turns the wordings; see
`CheckIn.shared_seq`), `detail`, `setting`, the language and the partner's local time.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, bindparam, or_, select, union_all

from api.attunement.prompts import (
    Feeling,
    PartnerHistory,
    PromptSet,
    RecentCheckIn,
    build_prompts,
)
from api.auth.caller import Caller
from api.checkins.rows import CHECKIN_COLUMNS, checkin_json, fold_responses, with_responses
from api.checkins.visible import Shown, shown_checkin
from api.clock import now
from api.couples.pairing import Pairing, require_pairing
from api.couples.visibility import own, shared_since
from api.http.language import texts_for_people
from api.http.reads import fetch
from models import CheckIn
from models.vocabulary import Need, Tone

RECENT = timedelta(hours=24)
HISTORY = 3  # the partner's last three shared check-ins decide a hard stretch

_COLUMNS = (*CHECKIN_COLUMNS, CheckIn.shared_seq)
_WIDTH = len(_COLUMNS)


def _newest_first(statement: Any, count: int) -> Any:
    return statement.order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc()).limit(count)


def _statement(up_to_checkin: bool) -> Any:
    """The caller's latest check-in of the last day and the partner's last three shared
    check-ins of the pairing (up to a given one, for a check-in's own prompts), with
    their responses: one statement, each part one short range of its author's index."""
    mine = _newest_first(
        select(*_COLUMNS).where(own(bindparam("me")), CheckIn.recorded_at >= bindparam("since")),
        1,
    )
    theirs = select(*_COLUMNS).where(shared_since(bindparam("partner"), bindparam("paired_at")))
    if up_to_checkin:
        until_at: Any = bindparam("until_at")
        until_id: Any = bindparam("until_id")
        theirs = theirs.where(
            or_(
                CheckIn.recorded_at < until_at,
                and_(CheckIn.recorded_at == until_at, CheckIn.id <= until_id),
            )
        )
    parts = (mine, _newest_first(theirs, HISTORY))
    return with_responses(union_all(*(select(part.subquery()) for part in parts)))


_LATEST = _statement(up_to_checkin=False)
_UP_TO_CHECKIN = _statement(up_to_checkin=True)


def feeling(checkin: Any) -> Feeling:
    return Feeling(
        id=str(checkin.id),
        tone=Tone(checkin.tone),
        energy=checkin.energy,
        need=Need(checkin.need) if checkin.need else None,
        recorded_at=checkin.recorded_at,
        note=checkin.note,
    )


def _read(
    caller: Caller, pairing: Pairing, until: Any | None = None
) -> tuple[Shown | None, list[Shown]]:
    """The caller's latest check-in of the last day, and the partner's last three shared
    ones of the pairing, newest first."""
    values: dict[str, Any] = {
        "me": caller.id,
        "partner": pairing.partner.id,
        "paired_at": pairing.paired_at,
        "since": now() - RECENT,
    }
    if until is not None:
        values.update(until_at=until.recorded_at, until_id=until.id)
    shown = fold_responses(fetch(_UP_TO_CHECKIN if until else _LATEST, values), _WIDTH)
    mine = next((c for c in shown if c[0].author_id == caller.id), None)
    theirs = [c for c in shown if c[0].author_id != caller.id]
    return mine, theirs


def _history(theirs: list[Shown], tz: ZoneInfo) -> PartnerHistory:
    latest = theirs[0][0] if theirs else None
    return PartnerHistory(
        ordinal=(latest.shared_seq or 0) if latest is not None else 0,
        recent=tuple(
            RecentCheckIn(Tone(row.tone), row.energy, row.recorded_at.astimezone(tz).date())
            for row, _ in theirs
        ),
    )


def _answer(
    caller: Caller,
    pairing: Pairing,
    partner: Shown | None,
    mine: Shown | None,
    history: PartnerHistory,
    options: dict[str, Any],
    *,
    about_own_checkin: bool = False,
) -> dict[str, Any]:
    prompts: PromptSet = build_prompts(
        feeling(partner[0]) if partner else None,
        feeling(mine[0]) if mine else None,
        partner_name=pairing.partner.display_name,
        my_name=caller.display_name,
        now=now().astimezone(ZoneInfo(pairing.partner.timezone)),
        history=history,
        detail=options["detail"],
        setting=options["setting"],
        translate=texts_for_people(),
        about_own_checkin=about_own_checkin,
    )
    return {
        "partner_checkin": checkin_json(*partner) if partner else None,
        "my_checkin": checkin_json(*mine) if mine else None,
        # orjson writes the dataclasses field by field, in order (asdict deep-copied them).
        "prompts": prompts.prompts,
        "avoid": prompts.avoid,
    }


def prompts_now(caller: Caller, options: dict[str, Any]) -> dict[str, Any]:
    """From the partner's latest shared check-in of the last day (if any) and the caller's
    own latest; 404 when unpaired."""
    pairing = require_pairing(caller)
    mine, theirs = _read(caller, pairing)
    history = _history(theirs, ZoneInfo(pairing.partner.timezone))
    recent = theirs[0] if theirs and theirs[0][0].recorded_at >= now() - RECENT else None
    return _answer(caller, pairing, recent, mine, history, options)


def prompts_for_checkin(
    caller: Caller, checkin_id: uuid.UUID, options: dict[str, Any]
) -> dict[str, Any]:
    """For one check-in: the partner's (met with the caller's latest), or the caller's own
    (then only attuning to yourself); 404 when unpaired or invisible."""
    pairing = require_pairing(caller)
    checkin = shown_checkin(caller, checkin_id)
    if checkin[0].author_id == caller.id:
        return _answer(
            caller, pairing, None, checkin, PartnerHistory(), options, about_own_checkin=True
        )
    mine, theirs = _read(caller, pairing, until=checkin[0])
    history = _history(theirs, ZoneInfo(pairing.partner.timezone))
    return _answer(caller, pairing, checkin, mine, history, options)
