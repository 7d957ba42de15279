import uuid
from datetime import timedelta
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import bindparam, select, union_all

from api.attunement.prompts import Feeling, PromptSet, build_prompts
from api.clock import now
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.pairing import Pairing, require_pairing
from api.reads import fetch
from api.render import (
    CHECKIN_COLUMNS,
    checkin_json,
    fold_responses,
    json_response,
    with_responses,
)
from api.visibility import shared_since, shown_checkin
from models import CheckIn
from models.vocabulary import Need, Tone
from schemas.prompt import PromptSetSchema

blp = ApiBlueprint(
    "prompts", __name__, description="How to meet your partner where they are, right now."
)

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
_LATEST_OF_BOTH = union_all(
    select(_latest(CheckIn.author_id == bindparam("me")).subquery()),
    select(_latest(shared_since(bindparam("partner"), bindparam("paired_at"))).subquery()),
)


# A check-in as shown: its row and its responses, already JSON.
Shown = tuple[Any, list[dict[str, Any]]]

_LATEST_WITH_RESPONSES = with_responses(_LATEST_OF_BOTH)


def latest_recent(pairing: Pairing) -> tuple[Shown | None, Shown | None]:
    """The partner's latest shared check-in and the caller's latest, of the last 24 hours."""
    shown = fold_responses(
        fetch(
            _LATEST_WITH_RESPONSES,
            {
                "me": current_user.id,
                "partner": pairing.partner.id,
                "paired_at": pairing.paired_at,
                "since": now() - RECENT,
            },
        )
    )
    own = next((c for c in shown if c[0].author_id == current_user.id), None)
    partners = next((c for c in shown if c[0].author_id != current_user.id), None)
    return partners, own


def prompts_response(partner: Shown | None, mine: Shown | None, prompts: PromptSet) -> Any:
    def rendered(checkin: Shown | None) -> dict[str, Any] | None:
        return None if checkin is None else checkin_json(*checkin)

    payload = {
        "partner_checkin": rendered(partner),
        "my_checkin": rendered(mine),
        # orjson writes the dataclasses field by field, in order (asdict deep-copied them).
        "prompts": prompts.prompts,
        "avoid": prompts.avoid,
    }
    return json_response(payload, etag=blp)


@blp.route("/prompts")
class Prompts(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, PromptSetSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self) -> Any:
        """Prompts for meeting your partner, from both your latest check-ins of the last day."""
        pairing = require_pairing(current_user)
        partner_checkin, my_checkin = latest_recent(pairing)
        prompts = build_prompts(
            feeling(partner_checkin[0]) if partner_checkin else None,
            feeling(my_checkin[0]) if my_checkin else None,
            partner_name=pairing.partner.display_name,
            my_name=current_user.display_name,
            now=now(),
        )
        return prompts_response(partner_checkin, my_checkin, prompts)


@blp.route("/checkins/<uuid:checkin_id>/prompts")
class CheckInPrompts(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, PromptSetSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self, checkin_id: uuid.UUID) -> Any:
        """Prompts for one check-in: your partner's, or your own (then: attune to yourself)."""
        pairing = require_pairing(current_user)
        checkin = shown_checkin(current_user, pairing, checkin_id)
        if checkin[0].author_id == current_user.id:
            prompts = build_prompts(
                None,
                feeling(checkin[0]),
                partner_name=pairing.partner.display_name,
                my_name=current_user.display_name,
                now=now(),
                about_own_checkin=True,
            )
            return prompts_response(None, checkin, prompts)
        _, my_checkin = latest_recent(pairing)
        prompts = build_prompts(
            feeling(checkin[0]),
            feeling(my_checkin[0]) if my_checkin else None,
            partner_name=pairing.partner.display_name,
            my_name=current_user.display_name,
            now=now(),
        )
        return prompts_response(checkin, my_checkin, prompts)
