"""flask-smorest, taught to document our problem+json errors and the bearer scheme.

Two things shape the OpenAPI document for the people who generate clients from it:

- Every error answer of every operation says which problem `code`s it carries (an `enum`
  on `code`, with one example per code). Views say it with `@blp.errors(status, ...,
  codes={status: (...)})` and `@blp.authenticated(codes=...)`; statuses they do not
  spell out get `DEFAULT_CODES[status]`, else the code the edge gives that status.
  tests/test_documented_answers.py (run last) fails when the test suite saw an operation
  answer with a code its documentation does not list, and says what to add where.
- `ClientShapesPlugin` writes schemas the way generators read them (openapi-typescript,
  Swift and Kotlin generators): nullable references as `allOf` + `nullable`, enums with
  their type (and `null` when nullable), request fields with a server default optional.
"""

from __future__ import annotations

import http
import json
from collections.abc import Callable, Mapping, Sequence
from copy import deepcopy
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
from api.http.errors import PROBLEM_JSON, TITLES, edge_code
from schemas.base import LoadSchema
from schemas.problem import ProblemSchema

BEARER = "bearerAuth"

# Every operation can meet these at the edge, whatever it does. Each is documented where it
# can reach the operation: 400 (malformed JSON) and 413 where a JSON body is read, 415
# where a body may be sent (POST, PUT, PATCH, DELETE).
COMMON_ERRORS = (400, 413, 415, 429, 503)
# What a guarded operation answers with 401 when the bearer token is the problem.
TOKEN_CODES = ("missing_token", "invalid_token", "token_expired", "token_revoked")

# The code an error status carries when a view does not list its own.
DEFAULT_CODES: dict[int | str, tuple[str, ...]] = {
    400: ("malformed_json",),
    401: TOKEN_CODES,
    403: ("forbidden",),
    404: ("not_found",),
    412: ("precondition_failed",),
    413: ("payload_too_large",),
    415: ("unsupported_media_type",),
    422: ("validation_error",),
    428: ("precondition_required",),
    429: ("rate_limited",),
    503: ("service_unavailable",),
    "default": ("internal_error",),
}

# What the examples in the document say for each code: the `detail` the service writes.
EXAMPLE_DETAILS = {
    "malformed_json": "The body is not valid JSON.",
    "missing_token": "Send a bearer token in the Authorization header.",
    "invalid_token": "The token is not valid.",
    "token_expired": "The token has expired; refresh it or sign in.",
    "token_revoked": "This token no longer works; sign in again.",
    "fresh_token_required": "Sign in again, then link within a few minutes.",
    "invalid_credentials": "The email or password is not right.",
    "invalid_identity_token": "The identity token is not valid.",
    "forbidden": "Only the check-in's author rates a response.",
    "not_found": "Nothing was found here.",
    "not_paired": "You are not paired with a partner.",
    "invite_invalid": "This invite code is not valid.",
    "provider_disabled": "Sign in with Apple is switched off.",
    "email_taken": "An account with this email already exists.",
    "already_paired": "You are already paired with a partner.",
    "own_invite": "This is your own invite code; share it instead.",
    "idempotency_conflict": "This id or Idempotency-Key was already used for a different request.",
    "question_closed": "Questions take answers on their day and the next.",
    "answer_locked": "Both of you answered: the answers no longer change.",
    "account_exists": "An account with this email exists. Sign in to it, then link this "
    "sign-in method from your account.",
    "identity_taken": "This Apple ID belongs to another account.",
    "already_linked": "Another Apple ID is linked; unlink it first.",
    "last_sign_in_method": "This is your only way to sign in: add another (or a password) first.",
    "conflict": "Another request got there first; try again.",
    "precondition_failed": "The resource changed since you read it; read it again.",
    "deleted": "You deleted this check-in.",
    "cursor_expired": "This cursor is too old to sync from: reload your lists and start again "
    "without since.",
    "payload_too_large": "The request body is larger than this service accepts.",
    "unsupported_media_type": "Send JSON with Content-Type: application/json.",
    "rate_limited": "Too many requests; try again later.",
    "service_unavailable": "The service is briefly unavailable; try again.",
    "internal_error": "Something went wrong on our side.",
}

BODY_METHODS = frozenset({"post", "put", "patch", "delete"})
PROBLEM_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "`Bearer`: send an access token.",
            "schema": {"type": "string"},
        }
    },
    429: {
        "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": {"type": "integer"},
        }
    },
}


def _describe(status: int | str, codes: Sequence[str]) -> str:
    listed = ", ".join(f"`{code}`" for code in codes)
    if status == "default":
        return f"An unexpected error. The problem's `code` is one of: {listed}."
    return f"{_title(int(status))}. The problem's `code` is one of: {listed}."


def _title(status: int) -> str:
    return TITLES.get(status) or http.HTTPStatus(status).phrase


def _example(status: int, code: str, field: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _title(status),
        "status": status,
        "detail": EXAMPLE_DETAILS.get(code) or http.HTTPStatus(status).description,
        "code": code,
    }
    if status == 422:
        # Every operation that reads input answers an unknown field so; one with a body
        # answers a missing required field so too.
        name = field or "colour"
        message = "Missing data for required field." if field else "Unknown field."
        body["detail"] = f"{name}: {message}"
        body["errors"] = {name: [message]}
    return body


def problem_response(
    status: int | str, codes: Sequence[str], *, field: str | None = None
) -> dict[str, Any]:
    """The documentation of one error answer: problem+json whose `code` is one of `codes`."""
    narrowed: dict[str, Any] = {
        "type": "object",
        "properties": {"code": {"type": "string", "enum": list(codes)}},
        "required": ["code"],
    }
    example_status = 500 if status == "default" else int(status)
    if example_status == 422:
        narrowed["required"] = ["code", "errors"]
    response: dict[str, Any] = {
        "description": _describe(status, codes),
        "content": {
            PROBLEM_JSON: {
                "schema": {"allOf": [ProblemSchema, narrowed]},
                "examples": {
                    code: {
                        "summary": code,
                        "value": _example(example_status, code, field),
                    }
                    for code in codes
                },
            }
        },
    }
    if example_status in PROBLEM_HEADERS:
        response["headers"] = PROBLEM_HEADERS[example_status]
    return response


def _is_load_schema(schema: Any) -> bool:
    cls = schema if isinstance(schema, type) else type(schema)
    return issubclass(cls, LoadSchema)


def _tidy_property(prop: dict[str, Any], *, request: bool) -> None:
    """One property, as generators read it (see the module docstring)."""
    any_of = prop.get("anyOf")
    if any_of and {"type": "object", "nullable": True} in any_of and len(any_of) == 2:
        # apispec writes a nullable Nested as anyOf [{object, nullable}, {$ref}]: typed as
        # `{} | null | T` by generators. allOf [$ref] + nullable is the idiom they know.
        (ref,) = [option for option in any_of if option != {"type": "object", "nullable": True}]
        del prop["anyOf"]
        prop["allOf"] = [ref]
        prop["nullable"] = True
    if "$ref" in prop and len(prop) > 1:
        # OpenAPI 3.0 ignores whatever sits next to a $ref (a description, readOnly).
        prop["allOf"] = [{"$ref": prop.pop("$ref")}]
    if "enum" in prop:
        values = [value for value in prop["enum"] if value is not None]
        if "type" not in prop and values and all(isinstance(v, str) for v in values):
            prop["type"] = "string"
        if prop.get("nullable") and None not in prop["enum"]:
            # OpenAPI 3.0.3: nullable does not add null to an enum; the enum must list it.
            prop["enum"] = [*prop["enum"], None]
    if request and "default" in prop:
        # A request field with a server default is optional. Generators that see `default`
        # type it as required (openapi-typescript does), so the default is told in words.
        default = prop.pop("default")
        said = f"Default: `{default if isinstance(default, str) else json.dumps(default)}`."
        prop["description"] = f"{prop['description']} {said}" if prop.get("description") else said
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict):
        _tidy_property(prop["items"], request=request)


class ClientShapesPlugin(BasePlugin):
    """Rewrites each schema component the way client generators read it."""

    def schema_helper(self, name: str, definition: dict, **kwargs: Any) -> dict | None:
        schema = kwargs.get("schema")
        request = schema is not None and _is_load_schema(schema)
        for prop in definition.get("properties", {}).values():
            _tidy_property(prop, request=request)
        return definition


class SchemaRulesPlugin(BasePlugin):
    """Rules across fields (this proof or that one) that a load schema checks in a
    `validates_schema`, stated for the OpenAPI document in its `OPENAPI_RULES`: so the
    document refuses what the server refuses, and generated clients and fuzzers know."""

    def schema_helper(self, name: str, definition: dict, **kwargs: Any) -> dict | None:
        rules = getattr(kwargs.get("schema"), "OPENAPI_RULES", None)
        return dict(rules) if rules else None


class ProblemApi(Api):
    ERROR_SCHEMA = ProblemSchema

    def _init_spec(self, *, extra_plugins: Any = None, **kwargs: Any) -> None:
        plugins = [*(extra_plugins or ()), SchemaRulesPlugin(), ClientShapesPlugin()]
        super()._init_spec(extra_plugins=plugins, **kwargs)

    def _register_pagination_header(self) -> None:
        # Pages are cursors in the body (`next_cursor`): no X-Pagination header, and no
        # PaginationMetadata schema left unused in the components.
        pass

    def _register_responses(self) -> None:
        # Same components as flask-smorest's, but errors are application/problem+json.
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
                content_type = PROBLEM_JSON if status >= 400 else self.DEFAULT_RESPONSE_CONTENT_TYPE
            else:
                content_type = self.DEFAULT_RESPONSE_CONTENT_TYPE
            prepare_response(response, self.spec, content_type)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


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


def _body_schema(doc: Mapping[str, Any]) -> Any:
    """The JSON body's schema of an operation being documented, or None."""
    content = doc.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("schema")


def _first_required(schema: Any) -> str | None:
    if schema is None:
        return None
    for name, field in schema.fields.items():
        if field.required:
            return field.data_key or name
    return None


class ApiBlueprint(Blueprint):
    """A smorest Blueprint that also documents errors and guards views with a bearer token."""

    ARGUMENTS_PARSER = StrictParser()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Last: it rewrites every error answer the other callbacks documented.
        self._prepare_doc_cbks.append(self._prepare_problems_doc)

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
        """Document error answers; with `codes`, the problem codes each status may carry.

        A status without codes here carries `DEFAULT_CODES[status]` (a 404 is `not_found`)
        or the edge's code for it (a 409 is `conflict`): say which codes a view raises.
        Codes given for a status replace its default.
        """

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            func._apidoc = deepcopy(getattr(func, "_apidoc", {}))  # type: ignore[attr-defined]
            problems = func._apidoc.setdefault("problems", {})  # type: ignore[attr-defined]
            for status in (*statuses, *(codes or {})):
                listed = problems.setdefault(status, [])
                for code in (codes or {}).get(status, ()):
                    if code not in listed:
                        listed.append(code)
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
            return self.errors(401, codes={401: (*codes, *TOKEN_CODES)})(guarded)

        return decorator

    @staticmethod
    def _prepare_problems_doc(
        doc: dict[str, Any], doc_info: Mapping[str, Any], *, method: str, **_kwargs: Any
    ) -> dict[str, Any]:
        listed: Mapping[int | str, Sequence[str]] = doc_info.get("problems", {})
        responses = doc.setdefault("responses", {})
        body = _body_schema(doc)
        statuses: list[int | str] = [
            status for status in responses if status == "default" or int(status) >= 400
        ]
        statuses += [status for status in listed if status not in statuses]
        for status in statuses:
            key = status if status == "default" else int(status)
            reachable = (key not in (400, 413) or body is not None) and (
                key != 415 or method in BODY_METHODS
            )
            responses.pop(status, None)
            if not reachable:
                continue
            codes = listed.get(key) or DEFAULT_CODES.get(key) or (edge_code(int(key)),)
            responses[key] = problem_response(key, codes, field=_first_required(body))
        return doc


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
