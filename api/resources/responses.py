import uuid
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import select

from api.clock import now
from api.errors import ApiError, not_found
from api.notifications import outbox
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.pairing import current_pairing
from api.visibility import visible_checkin
from models import CheckIn, Response, db
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
    @blp.errors(403, 404, *COMMON_ERRORS)
    def post(self, body: dict[str, Any], checkin_id: uuid.UUID) -> Response:
        """Respond to your partner's check-in."""
        checkin = visible_checkin(current_user, current_pairing(current_user), checkin_id)
        if checkin is None:
            raise not_found("No such check-in.")
        if checkin.author_id == current_user.id:
            raise ApiError(403, "forbidden", "Responses are for your partner's check-ins.")
        response = Response(
            id=uuid.uuid4(),
            checkin_id=checkin.id,
            author_id=current_user.id,
            kind=body["kind"].value,
            message=body.get("message"),
            created_at=now(),
        )
        db.session.add(response)
        outbox.responded(current_user.display_name, checkin.author_id, response)
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
        row = db.session.execute(
            select(Response, CheckIn.author_id)
            .join(CheckIn, CheckIn.id == Response.checkin_id)
            .where(Response.id == response_id)
        ).first()
        if row is None:
            raise not_found("No such response.")
        response, checkin_author_id = row
        if checkin_author_id != current_user.id:
            wrote_it_and_sees_it = response.author_id == current_user.id and (
                visible_checkin(current_user, current_pairing(current_user), response.checkin_id)
                is not None
            )
            if wrote_it_and_sees_it:
                raise ApiError(403, "forbidden", "Only the check-in's author rates a response.")
            raise not_found("No such response.")
        if response.felt_heard is not body["felt_heard"]:
            response.felt_heard = body["felt_heard"]
            outbox.rated(current_user.display_name, response)
        response.rated_at = now()
        db.session.commit()
        return response
