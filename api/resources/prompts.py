import uuid
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.guidance.prompts import prompts_for_checkin, prompts_now
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.http.render import json_response
from schemas.prompt import PromptQueryArgs, PromptSetSchema

blp = ApiBlueprint(
    "prompts", __name__, description="How to meet your partner where they are, right now."
)


@blp.route("/prompts")
class Prompts(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.arguments(PromptQueryArgs, location="query")
    @blp.response(200, PromptSetSchema)
    @blp.errors(404, *COMMON_ERRORS, codes={404: ("not_paired",)})
    def get(self, args: dict[str, Any]) -> Any:
        """Prompts for meeting your partner, from both your latest check-ins of the last day."""
        return json_response(prompts_now(current_user, args), etag=blp)


@blp.route("/checkins/<uuid:checkin_id>/prompts")
class CheckInPrompts(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.arguments(PromptQueryArgs, location="query")
    @blp.response(200, PromptSetSchema)
    @blp.errors(
        404, 410, *COMMON_ERRORS, codes={404: ("not_paired", "not_found"), 410: ("deleted",)}
    )
    def get(self, args: dict[str, Any], checkin_id: uuid.UUID) -> Any:
        """Prompts for one check-in: your partner's, or your own (then: attune to yourself)."""
        return json_response(prompts_for_checkin(current_user, checkin_id, args), etag=blp)
