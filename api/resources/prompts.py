import uuid
from dataclasses import asdict
from datetime import timedelta
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from api.attunement.prompts import Feeling, PromptSet, build_prompts
from api.clock import now
from api.errors import not_found
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.pairing import Pairing, require_pairing
from api.visibility import shared_by_partner, visible_checkin
from models import CheckIn, db
from models.vocabulary import Need, Tone
from schemas.prompt import PromptSetSchema

blp = ApiBlueprint(
    "prompts", __name__, description="How to meet your partner where they are, right now."
)

RECENT = timedelta(hours=24)


def feeling(checkin: CheckIn) -> Feeling:
    return Feeling(
        id=str(checkin.id),
        tone=Tone(checkin.tone),
        energy=checkin.energy,
        need=Need(checkin.need) if checkin.need else None,
        recorded_at=checkin.recorded_at,
    )


def latest_recent(pairing: Pairing) -> tuple[CheckIn | None, CheckIn | None]:
    """The partner's latest shared check-in and the caller's latest, of the last 24 hours.

    One query: a day holds only a handful of check-ins, so both come back together.
    """
    mine = CheckIn.author_id == current_user.id
    recent = db.session.scalars(
        select(CheckIn)
        .where(CheckIn.recorded_at >= now() - RECENT, mine | shared_by_partner(pairing))
        .order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc())
        .options(selectinload(CheckIn.responses))
    ).all()
    own = next((c for c in recent if c.author_id == current_user.id), None)
    partners = next((c for c in recent if c.author_id != current_user.id), None)
    return partners, own


def prompt_view(
    partner_checkin: CheckIn | None, my_checkin: CheckIn | None, prompts: PromptSet
) -> dict[str, Any]:
    return {
        "partner_checkin": partner_checkin,
        "my_checkin": my_checkin,
        "prompts": [asdict(p) for p in prompts.prompts],
        "avoid": [asdict(a) for a in prompts.avoid],
    }


@blp.route("/prompts")
class Prompts(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, PromptSetSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Prompts for meeting your partner, from both your latest check-ins of the last day."""
        pairing = require_pairing(current_user)
        partner_checkin, my_checkin = latest_recent(pairing)
        prompts = build_prompts(
            feeling(partner_checkin) if partner_checkin else None,
            feeling(my_checkin) if my_checkin else None,
            partner_name=pairing.partner.display_name,
            my_name=current_user.display_name,
            now=now(),
        )
        return prompt_view(partner_checkin, my_checkin, prompts)


@blp.route("/checkins/<uuid:checkin_id>/prompts")
class CheckInPrompts(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, PromptSetSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self, checkin_id: uuid.UUID) -> dict[str, Any]:
        """Prompts for one check-in: your partner's, or your own (then: attune to yourself)."""
        pairing = require_pairing(current_user)
        checkin = visible_checkin(current_user, pairing, checkin_id)
        if checkin is None:
            raise not_found("No such check-in.")
        if checkin.author_id == current_user.id:
            prompts = build_prompts(
                None,
                feeling(checkin),
                partner_name=pairing.partner.display_name,
                my_name=current_user.display_name,
                now=now(),
                about_own_checkin=True,
            )
            return prompt_view(None, checkin, prompts)
        _, my_checkin = latest_recent(pairing)
        prompts = build_prompts(
            feeling(checkin),
            feeling(my_checkin) if my_checkin else None,
            partner_name=pairing.partner.display_name,
            my_name=current_user.display_name,
            now=now(),
        )
        return prompt_view(checkin, my_checkin, prompts)
