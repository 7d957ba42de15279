"""flask-smorest, taught to document our problem+json errors and the bearer scheme."""

from __future__ import annotations

import http
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from apispec import BasePlugin
from flask import Blueprint as FlaskBlueprint
from flask import send_from_directory
from flask_jwt_extended import jwt_required
from flask_smorest import Api, Blueprint
from flask_smorest.utils import prepare_response
from marshmallow import Schema, ValidationError
from marshmallow.utils import missing
from swagger_ui_bundle import swagger_ui_path
from webargs.flaskparser import FlaskParser, is_json_request

from api.http.bodies import parse_json
from api.http.errors import PROBLEM_JSON
from schemas.problem import ProblemSchema

BEARER = "bearerAuth"


class SchemaRulesPlugin(BasePlugin):
    """Rules across fields (this proof or that one) that a load schema checks in a
    `validates_schema`, stated for the OpenAPI document in its `OPENAPI_RULES`: so the
    document refuses what the server refuses, and generated clients and fuzzers know."""

    def schema_helper(self, name: str, definition: dict, **kwargs: Any) -> dict | None:
        rules = getattr(kwargs.get("schema"), "OPENAPI_RULES", None)
        return dict(rules) if rules else None


class ProblemApi(Api):
    ERROR_SCHEMA = ProblemSchema

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        spec_kwargs = kwargs.setdefault("spec_kwargs", {})
        spec_kwargs.setdefault("extra_plugins", [SchemaRulesPlugin()])
        super().__init__(*args, **kwargs)

    def _register_responses(self) -> None:
        # Same components as flask-smorest's, but errors are application/problem+json.
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
                content_type = PROBLEM_JSON if status >= 400 else self.DEFAULT_RESPONSE_CONTENT_TYPE
            else:
                content_type = self.DEFAULT_RESPONSE_CONTENT_TYPE
            if status == 429:
                response["headers"] = {
                    "Retry-After": {
                        "description": "Seconds to wait before trying again.",
                        "schema": {"type": "integer"},
                    }
                }
            if status == 405:
                response["headers"] = {
                    "Allow": {"description": "The methods allowed.", "schema": {"type": "string"}}
                }
            prepare_response(response, self.spec, content_type)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


# Every JSON operation can meet these, whatever it does.
COMMON_ERRORS = (400, 413, 415, 429, 503)
# What a guarded operation answers with 401 when the bearer token is the problem.
TOKEN_CODES = ("missing_token", "invalid_token", "token_expired", "token_revoked")


def _describe(status: int, codes: Sequence[str]) -> str:
    listed = ", ".join(f"`{code}`" for code in codes)
    return f"{http.HTTPStatus(status).phrase}. The problem's `code` is one of: {listed}."


# Set on a body schema the OpenAPI document calls optional (`arguments(required=False)`).
OPTIONAL_BODY = "_attune_optional_body"


class StrictParser(FlaskParser):
    # webargs drops unknown query parameters by default; the contract rejects them. Headers
    # stay lenient: every request carries many that are none of our business.
    DEFAULT_UNKNOWN_BY_LOCATION = {
        **FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
        "query": None,
        "querystring": None,
    }

    def load_json(self, req: Any, schema: Schema) -> Any:
        """The body, parsed by `parse_json` (400 for what it refuses); a body the OpenAPI
        document marks required and that is absent is 422, as the document says."""
        raw = req.get_data(cache=True) if is_json_request(req) else b""
        if not raw:
            if getattr(schema, OPTIONAL_BODY, False):
                return missing
            raise ValidationError({"body": ["A JSON body is required."]})
        try:
            return parse_json(raw)
        except ValueError as exc:
            return self._handle_invalid_json_error(exc, req)  # type: ignore[arg-type]


class ApiBlueprint(Blueprint):
    """A smorest Blueprint that also documents errors and guards views with a bearer token."""

    ARGUMENTS_PARSER = StrictParser()

    def arguments(self, schema: Any, *args: Any, **kwargs: Any) -> Any:
        # webargs builds a new schema object on every request when given a class; an
        # instance is built once (schemas keep no state between loads).
        if isinstance(schema, type):
            schema = schema()
        if kwargs.get("location", "json") == "json" and not kwargs.get("required", True):
            setattr(schema, OPTIONAL_BODY, True)
        return super().arguments(schema, *args, **kwargs)

    def errors(
        self, *statuses: int, codes: Mapping[int, Sequence[str]] | None = None
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Document error answers; with `codes`, the problem codes each status may carry."""

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            for status in statuses:
                listed = (codes or {}).get(status)
                if not listed:
                    func = self.alt_response(status, response=http.HTTPStatus(status).name)(func)
                    continue
                func = self.alt_response(
                    status,
                    schema=ProblemSchema,
                    content_type=PROBLEM_JSON,
                    description=_describe(status, listed),
                )(func)
            return func

        return decorator

    def authenticated(
        self, *, refresh: bool = False, codes: Sequence[str] = ()
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Require a valid, unrevoked access (or refresh) token, and say so in the docs.

        `codes`: the view's own 401 codes (a wrong password, say), listed with the token's.
        """

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            guarded = jwt_required(refresh=refresh)(func)
            guarded = self.doc(security=[{BEARER: []}])(guarded)
            listed = {401: (*codes, *TOKEN_CODES)} if codes else None
            return self.errors(401, codes=listed)(guarded)

        return decorator


def _null_or_that_object(self: Any, field: Any, ret: dict[str, Any], **_kwargs: Any) -> dict:
    """A nullable Nested field as `{"allOf": [ref], "nullable": true}`.

    apispec writes it, for OpenAPI 3.0, as `anyOf: [{"type": "object", "nullable": true},
    ref]`, whose first branch allows any object at all: the document would call
    `{"quiet_hours": {"anything": 1}}` valid, and the server refuses it (422).
    """
    branches = ret.get("anyOf")
    if isinstance(branches, list) and {"type": "object", "nullable": True} in branches:
        ret.pop("anyOf")
        others = [b for b in branches if b != {"type": "object", "nullable": True}]
        return {"allOf": others, "nullable": True}
    return {}


def init_openapi(api: ProblemApi) -> None:
    api.spec.components.security_scheme(
        BEARER, {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )
    api.ma_plugin.converter.add_attribute_function(_null_or_that_object)


docs_assets = FlaskBlueprint("docs_assets", __name__)


@docs_assets.get("/docs/assets/<path:filename>")
def swagger_ui_asset(filename: str) -> Any:
    return send_from_directory(str(swagger_ui_path), filename, max_age=86400)
