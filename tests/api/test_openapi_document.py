"""/openapi.json, read the way a client generator reads it.

What the suite saw the API answer is held against this document in
tests/test_documented_answers.py; here the document itself is checked: its examples, its
error codes, what is required, what is optional, what is left.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator, OAS30WriteValidator

from api.config import package_version
from tests.documented import spec_document, validator_for

METHODS = {"get", "post", "put", "patch", "delete"}
# Fields of an answer that some answers leave out (DumpSchema fields with "optional").
SOMETIMES_ABSENT: dict[str, set[str]] = {}
TOKEN_CODES = ["missing_token", "invalid_token", "token_expired", "token_revoked"]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return spec_document()


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield method.upper(), path, operation


def _component(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    return spec["components"]["schemas"][ref.rsplit("/", 1)[1]]


def _refs(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref" and value.startswith("#/components/schemas/"):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _refs(item)


def _reachable(spec: dict[str, Any], roots: list[Any]) -> set[str]:
    """The names of the component schemas these schemas use, directly or not."""
    seen: set[str] = set()
    todo = [ref for root in roots for ref in _refs(root)]
    while todo:
        name = todo.pop().rsplit("/", 1)[1]
        if name not in seen:
            seen.add(name)
            todo.extend(_refs(spec["components"]["schemas"][name]))
    return seen


def _media(operation: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(where, request|response, media type object) of an operation."""
    for content_type, media in operation.get("requestBody", {}).get("content", {}).items():
        yield f"request body {content_type}", "request", media
    for status, response in operation["responses"].items():
        for content_type, media in response.get("content", {}).items():
            yield f"{status} {content_type}", "response", media


def _schema_examples(schema: Any, where: str) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """Every `example` inside a schema, with the schema it sits in."""
    if isinstance(schema, dict):
        if "example" in schema:
            yield where, schema, schema["example"]
        for key, value in schema.items():
            if key == "properties":
                for name, prop in value.items():
                    yield from _schema_examples(prop, f"{where}.{name}")
            elif key in {"items", "additionalProperties"}:
                yield from _schema_examples(value, f"{where}[]")
            elif key in {"allOf", "anyOf", "oneOf"}:
                for part in value:
                    yield from _schema_examples(part, where)


def test_every_example_in_the_document_matches_its_own_schema(spec):
    checked, wrong = 0, []

    def check(where: str, validator: Any, example: Any) -> None:
        nonlocal checked
        checked += 1
        wrong.extend(f"{where}: {error.message}" for error in validator.iter_errors(example))

    for name, schema in spec["components"]["schemas"].items():
        for where, holder, example in _schema_examples(schema, name):
            check(where, validator_for(spec, holder, closed=False), example)
    for method, path, operation in _operations(spec):
        for parameter in operation.get("parameters", []):
            if "example" in parameter:
                validator = validator_for(spec, parameter["schema"], closed=False)
                check(f"{method} {path} {parameter['name']}", validator, parameter["example"])
        for where, direction, media in _media(operation):
            examples = [("example", media["example"])] if "example" in media else []
            examples += [(key, e["value"]) for key, e in media.get("examples", {}).items()]
            if not examples:
                continue
            if direction == "request":
                components = spec["components"]
                validator = OAS30WriteValidator(
                    {"allOf": [media["schema"]], "components": components},
                    format_checker=OAS30WriteValidator.FORMAT_CHECKER,
                )
            else:
                validator = validator_for(spec, media["schema"], closed=True)
            for key, example in examples:
                check(f"{method} {path} {where} {key}", validator, example)
    assert wrong == []
    assert checked > 300  # the walk found them: every error status has one per code


def test_every_error_answer_lists_its_codes_with_an_example_of_each(spec):
    missing = []
    for method, path, operation in _operations(spec):
        for status, response in operation["responses"].items():
            if status != "default" and int(status) < 400:
                continue
            where = f"{method} {path} {status}"
            media = response.get("content", {}).get("application/problem+json")
            if media is None:
                missing.append(f"{where}: not problem+json")
                continue
            problem, narrowed = media["schema"]["allOf"]
            assert problem == {"$ref": "#/components/schemas/Problem"}, where
            codes = narrowed["properties"]["code"]["enum"]
            assert codes and "code" in narrowed["required"], where
            assert list(media["examples"]) == codes, where
            for code, example in media["examples"].items():
                assert example["value"]["code"] == code, where
                expected = 500 if status == "default" else int(status)
                assert example["value"]["status"] == expected, where
            assert all(f"`{code}`" in response["description"] for code in codes), where
    assert missing == []


def test_guarded_operations_list_the_token_codes_and_open_ones_no_401(spec):
    for method, path, operation in _operations(spec):
        responses = operation["responses"]
        if operation.get("security"):
            media = responses["401"]["content"]["application/problem+json"]
            codes = media["schema"]["allOf"][1]["properties"]["code"]["enum"]
            assert set(TOKEN_CODES) <= set(codes), f"{method} {path}"
        elif "401" in responses:
            assert path in {"/api/v1/auth/login", "/api/v1/auth/apple", "/api/v1/auth/google"}


@pytest.mark.parametrize(
    ("method", "path", "status", "codes"),
    [
        ("post", "/api/v1/auth/register", "409", ["email_taken"]),
        ("post", "/api/v1/auth/login", "401", ["invalid_credentials"]),
        ("post", "/api/v1/me/password", "401", ["invalid_credentials", *TOKEN_CODES]),
        ("post", "/api/v1/couple", "404", ["invite_invalid"]),
        ("post", "/api/v1/couple", "409", ["already_paired", "own_invite"]),
        ("get", "/api/v1/couple", "404", ["not_paired"]),
        ("post", "/api/v1/checkins", "409", ["idempotency_conflict", "conflict"]),
        ("post", "/api/v1/checkins", "422", ["validation_error"]),
        ("get", "/api/v1/prompts", "404", ["not_paired"]),
        (
            "put",
            "/api/v1/questions/{question_id}/answer",
            "409",
            ["question_closed", "answer_locked"],
        ),
        ("post", "/api/v1/checkins", "429", ["rate_limited"]),
        ("post", "/api/v1/checkins", "413", ["payload_too_large"]),
        ("post", "/api/v1/checkins", "415", ["unsupported_media_type"]),
        ("post", "/api/v1/checkins", "400", ["malformed_json"]),
        ("get", "/api/v1/me", "503", ["service_unavailable"]),
        ("get", "/api/v1/me", "default", ["internal_error"]),
    ],
)
def test_the_codes_of_the_contract_are_where_it_says(spec, method, path, status, codes):
    response = spec["paths"][path][method]["responses"][status]
    media = response["content"]["application/problem+json"]
    assert media["schema"]["allOf"][1]["properties"]["code"]["enum"] == codes


def test_an_operation_documents_the_edge_errors_that_can_reach_it(spec):
    me = spec["paths"]["/api/v1/me"]
    assert {"400", "413", "415"}.isdisjoint(me["get"]["responses"])  # no body to read
    assert {"400", "413", "415", "422"} <= set(me["patch"]["responses"])
    invites = spec["paths"]["/api/v1/invites"]["post"]["responses"]
    assert "415" in invites and {"400", "413", "422"}.isdisjoint(invites)  # a body is refused
    retry = spec["paths"]["/api/v1/checkins"]["post"]["responses"]["429"]["headers"]
    assert "Retry-After" in retry


def test_a_422_example_names_a_field_the_operation_takes(spec):
    body = spec["paths"]["/api/v1/couple"]["post"]["responses"]["422"]
    example = body["content"]["application/problem+json"]["examples"]["validation_error"]
    assert example["value"]["errors"] == {"code": ["Missing data for required field."]}


def test_answers_say_every_field_they_always_carry_is_required(spec):
    roots = [
        media["schema"]
        for _method, _path, operation in _operations(spec)
        for status, response in operation["responses"].items()
        if status != "default" and int(status) < 300
        for media in response.get("content", {}).values()
    ]
    answers = _reachable(spec, roots)
    assert {"CheckIn", "PromptSet", "Summary", "CoupleQuestion", "User", "Export"} <= answers
    wrong = []
    for name in sorted(answers - {"QuietHours"}):  # QuietHours is also what PATCH /me takes
        schema = spec["components"]["schemas"][name]
        properties = set(schema.get("properties", {}))
        optional = properties - set(schema.get("required", [])) - SOMETIMES_ABSENT.get(name, set())
        if optional or schema.get("additionalProperties") is False:
            wrong.append(f"{name} (not required: {sorted(optional)})")
        elif not all(prop.get("readOnly") for prop in schema["properties"].values()):
            wrong.append(f"{name} (not read-only)")
    assert wrong == [], (
        "answer schemas whose fields generators would type as optional: derive them from "
        "schemas.base.DumpSchema (a field an answer may leave out: metadata={'optional': True}, "
        f"and list it in SOMETIMES_ABSENT here): {wrong}"
    )


def test_nullable_fields_say_so_the_way_generators_read_it(spec):
    schemas = spec["components"]["schemas"]
    partner_checkin = schemas["PromptSet"]["properties"]["partner_checkin"]
    assert partner_checkin["allOf"] == [{"$ref": "#/components/schemas/CheckIn"}]
    assert partner_checkin["nullable"] is True
    assert schemas["CheckIn"]["properties"]["need"]["enum"][-1] is None
    assert schemas["CheckIn"]["properties"]["note"]["nullable"] is True
    assert schemas["Together"]["properties"]["response_rate"]["nullable"] is True
    assert schemas["CheckInPage"]["properties"]["next_cursor"]["nullable"] is True
    text = json.dumps(spec)
    assert '{"type": "object", "nullable": true}' not in text  # apispec's anyOf idiom is gone
    for name, schema in schemas.items():
        for prop_name, prop in schema.get("properties", {}).items():
            if "enum" in prop:
                assert "type" in prop, f"{name}.{prop_name}"
            if "$ref" in prop:
                assert len(prop) == 1, f"{name}.{prop_name}: siblings of $ref are ignored"


def test_request_bodies_are_closed_and_fields_with_a_server_default_optional(spec):
    bodies = _reachable(
        spec,
        [
            media["schema"]
            for _method, _path, operation in _operations(spec)
            for _where, direction, media in _media(operation)
            if direction == "request"
        ],
    )
    for name in bodies:
        schema = spec["components"]["schemas"][name]
        assert schema["additionalProperties"] is False, f"{name}: derive it from LoadSchema"
        for prop_name, prop in schema["properties"].items():
            assert "default" not in prop, (
                f"{name}.{prop_name}: a `default` makes generators require the field; derive "
                "the schema from schemas.base.LoadSchema (its defaults are told in words)"
            )
    checkin = spec["components"]["schemas"]["CheckInCreate"]
    assert set(checkin["required"]) == {"tone", "energy"}
    assert "Default: `partner`" in checkin["properties"]["visibility"]["description"]
    assert "timezone" not in spec["components"]["schemas"]["Register"]["required"]
    password = spec["components"]["schemas"]["Register"]["properties"]["password"]
    assert password["writeOnly"] is True
    limit = next(
        p for p in spec["paths"]["/api/v1/checkins"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["default"] == 20  # query parameters keep theirs


def test_every_component_schema_is_used(spec):
    used = _reachable(spec, [spec["paths"]])
    assert set(spec["components"]["schemas"]) == used
    assert "PaginationMetadata" not in spec["components"]["schemas"]


def test_the_document_states_the_package_version(spec):
    assert spec["info"]["version"] == package_version()


def test_examples_are_realistic(spec):
    schemas = spec["components"]["schemas"]
    assert schemas["CheckIn"]["properties"]["energy"]["example"] == 3
    validator = OAS30Validator(schemas["CheckIn"]["properties"]["energy"])
    assert list(validator.iter_errors(0))  # 0 is outside 1..10, and says so


def test_changing_the_profile_says_everything_it_changes(spec):
    patch = spec["paths"]["/api/v1/me"]["patch"]
    for words in ("name", "time zone", "language", "reminder", "quiet hours", "notification"):
        assert words in patch["summary"], words
    body = patch["requestBody"]["content"]["application/json"]
    fields = set(spec["components"]["schemas"]["UserUpdate"]["properties"])
    assert all(f"`{name}`" in patch["description"] for name in fields), fields
    assert set(body["example"]) == fields
