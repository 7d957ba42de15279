"""The machinery that documents problem codes, on an operation made up for the test.

This is what the integrator meets when a new operation answers a code its documentation
does not list: the spec falls back to the edge's code for the status, and the finding
says which decorator to write, with which codes, where.
"""

from __future__ import annotations

from flask.views import MethodView

from api.http.errors import ApiError
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from tests.documented import Finding, explain


def _spec_of(blp: ApiBlueprint, make_app) -> dict:
    app = make_app()
    app.extensions["flask-smorest"]["apis"][""]["ext_obj"].register_blueprint(
        blp, url_prefix="/api/v1/made-up"
    )
    return app.test_client().get("/openapi.json").get_json()


def test_a_status_without_codes_carries_the_edges_code_and_the_finding_says_what_to_add(
    make_app,
):
    blp = ApiBlueprint("made_up", __name__, description="Made up for a test.")

    @blp.route("/<uuid:thing_id>")
    class Thing(MethodView):
        @blp.authenticated()
        @blp.response(204)
        @blp.errors(404, 410, *COMMON_ERRORS)
        def delete(self, thing_id):
            """Forget a thing."""
            raise ApiError(410, "deleted", "Gone for good.")

    spec = _spec_of(blp, make_app)
    operation = spec["paths"]["/api/v1/made-up/{thing_id}"]["delete"]
    gone = operation["responses"]["410"]["content"]["application/problem+json"]
    assert gone["schema"]["allOf"][1]["properties"]["code"]["enum"] == ["gone"]
    assert set(operation["responses"]) >= {"204", "401", "404", "410", "415", "429", "503"}
    assert {"400", "413", "422"}.isdisjoint(operation["responses"])  # it reads no body

    finding = Finding(
        "DELETE",
        "/api/v1/made-up/{thing_id}",
        410,
        "deleted",
        "api/resources/x.py, Thing.delete",
        "t",
    )
    message = explain(finding, spec)
    assert "DELETE /api/v1/made-up/{thing_id} answered 410 with code `deleted`" in message
    assert (
        'api/resources/x.py, Thing.delete: @blp.errors(410, ..., codes={410: ("gone", "deleted")})'
        in message
    )

    unlisted = Finding(
        "DELETE",
        "/api/v1/made-up/{thing_id}",
        409,
        "conflict",
        "api/resources/x.py, Thing.delete",
        "t",
    )
    assert '@blp.errors(409, ..., codes={409: ("conflict",)})' in explain(unlisted, spec)

    token = Finding("DELETE", "/api/v1/made-up/{thing_id}", 401, "fresh_token_required", "x", "t")
    assert '@blp.authenticated(codes=("fresh_token_required",))' in explain(token, spec)
