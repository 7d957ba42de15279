import uuid
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.checkins.pages import checkin_page
from api.checkins.posting import delete_checkin, post_checkin
from api.checkins.rows import checkin_json
from api.checkins.visible import shown_checkin
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.http.render import json_response
from models import db
from schemas.checkin import (
    CheckInCreateSchema,
    CheckInPageSchema,
    CheckInQueryArgs,
    CheckInSchema,
    IdempotencyHeaders,
)

blp = ApiBlueprint("checkins", __name__, description="Mood check-ins: how each partner feels.")


@blp.route("")
class CheckIns(MethodView):
    @blp.authenticated()
    @blp.arguments(IdempotencyHeaders, location="headers")
    @blp.arguments(
        CheckInCreateSchema,
        example={"tone": "overwhelmed", "energy": 3, "need": "to_be_heard", "note": "Long day."},
    )
    @blp.response(201, CheckInSchema, description="Created.")
    @blp.alt_response(
        200, schema=CheckInSchema, description="A repeated post: the stored check-in."
    )
    @blp.errors(
        409,
        410,
        *COMMON_ERRORS,
        codes={409: ("idempotency_conflict", "conflict"), 410: ("deleted",)},
    )
    def post(self, headers: dict[str, Any], body: dict[str, Any]) -> Any:
        """Check in: how you feel, how much energy you have, and what would help."""
        payload, status = post_checkin(current_user, body, headers.get("idempotency_key"))
        return json_response(payload, status)

    @blp.authenticated()
    @blp.arguments(CheckInQueryArgs, location="query")
    @blp.response(200, CheckInPageSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self, args: dict[str, Any]) -> Any:
        """Check-ins, newest first by `recorded_at`, a page at a time."""
        page = checkin_page(current_user, args["author"], args["limit"], args.get("cursor"))
        return json_response(page)


@blp.route("/<uuid:checkin_id>")
class CheckInById(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, CheckInSchema)
    @blp.errors(404, 410, *COMMON_ERRORS, codes={410: ("deleted",)})
    def get(self, checkin_id: uuid.UUID) -> Any:
        """One check-in, with the responses to it; 410 `deleted` for your own deleted one."""
        return json_response(checkin_json(*shown_checkin(current_user, checkin_id)), etag=blp)

    @blp.authenticated()
    @blp.response(204)
    @blp.errors(403, 404, *COMMON_ERRORS)
    def delete(self, checkin_id: uuid.UUID) -> None:
        """Delete one of your own check-ins, with the responses to it (again: 204 too).

        Its id stays taken: posting it (or its Idempotency-Key) again is 410 `deleted`.
        """
        delete_checkin(current_user, checkin_id)
        db.session.commit()
