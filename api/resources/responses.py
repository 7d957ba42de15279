import uuid
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.checkins.responses import rate, respond
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from models import Response, db
from schemas.checkin import FeltHeardSchema, ResponseCreateSchema, ResponseSchema

blp = ApiBlueprint(
    "responses", __name__, description="Turning toward a check-in, and whether it landed."
)


@blp.route("/checkins/<uuid:checkin_id>/responses")
class CheckInResponses(MethodView):
    @blp.authenticated()
    @blp.arguments(
        ResponseCreateSchema,
        example={"kind": "reflect", "message": "That sounds like a lot to carry today."},
    )
    @blp.response(201, ResponseSchema)
    @blp.errors(403, 404, 410, *COMMON_ERRORS, codes={410: ("deleted",)})
    def post(self, body: dict[str, Any], checkin_id: uuid.UUID) -> Response:
        """Respond to your partner's check-in."""
        response = respond(current_user, checkin_id, body)
        db.session.commit()
        return response


@blp.route("/responses/<uuid:response_id>/felt-heard")
class FeltHeard(MethodView):
    @blp.authenticated()
    @blp.arguments(FeltHeardSchema, example={"felt_heard": True})
    @blp.response(200, ResponseSchema)
    @blp.errors(403, 404, *COMMON_ERRORS)
    def put(self, body: dict[str, Any], response_id: uuid.UUID) -> Response:
        """Say whether a response to your check-in made you feel heard."""
        response = rate(current_user, response_id, body["felt_heard"])
        db.session.commit()
        return response
