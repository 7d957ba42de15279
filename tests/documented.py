"""What the test suite saw the API answer, held against what /openapi.json says it answers.

Every app the tests build sends Flask's `request_finished` signal; `observe` (connected in
tests/conftest.py) looks at each answer of a documented operation:

- a problem+json answer: its status and `code` must be listed for that operation (an
  `enum` on `code` in that status's schema);
- any JSON answer: its body must match the documented schema for its status, closed
  (a field the document does not name is a finding too, though the document leaves answers
  open for later additions), with nullable and required as the document says.

tests/test_documented_answers.py runs last and fails with what it collected, naming the
operation, the status, the code and the place to document it.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import threading
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, Response, request
from openapi_schema_validator import OAS30ReadValidator

ROOT = Path(__file__).resolve().parents[1]
PROBLEM_JSON = "application/problem+json"
TOKEN_CODES = ("missing_token", "invalid_token", "token_expired", "token_revoked")
_RULE_ARGUMENT = re.compile(r"<(?:[^<>]*:)?(\w+)>")
_MAX_BODY_FINDINGS = 3


def openapi_path(rule: str) -> str:
    """`/api/v1/checkins/<uuid:checkin_id>` as the document names it: `.../{checkin_id}`."""
    return _RULE_ARGUMENT.sub(r"{\1}", rule)


def spec_document() -> dict[str, Any]:
    from api import create_app
    from api.config import TestConfig

    return create_app(TestConfig("sqlite://")).test_client().get("/openapi.json").get_json()


def _json_schema(schema: Any) -> Any:
    """OpenAPI 3.0 `nullable` beside `allOf` (a nullable reference) as JSON Schema reads it."""
    if isinstance(schema, list):
        return [_json_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _json_schema(value) for key, value in schema.items()}
    if schema.get("nullable") and "type" not in schema:
        rest = {key: value for key, value in schema.items() if key != "nullable"}
        return {"anyOf": [rest, {"enum": [None]}]}
    return schema


def _closed(schema: dict[str, Any]) -> dict[str, Any]:
    """A component schema that allows no field it does not name."""
    if schema.get("type") == "object" and "properties" in schema:
        return {"additionalProperties": False, **schema}
    return schema


def validator_for(spec: dict[str, Any], schema: dict[str, Any], *, closed: bool) -> Any:
    components = deepcopy(spec.get("components", {}))
    if closed:
        components["schemas"] = {
            name: _closed(value) for name, value in components.get("schemas", {}).items()
        }
    return OAS30ReadValidator(
        _json_schema({"allOf": [schema], "components": components}),
        format_checker=OAS30ReadValidator.FORMAT_CHECKER,
    )


@dataclass
class Finding:
    method: str
    path: str
    status: int
    code: str | None
    where: str
    test: str
    message: str = ""


@dataclass
class Observations:
    """Filled by `observe` while the suite runs; read by the last test."""

    spec: dict[str, Any] | None = None
    building: bool = False
    seen: int = 0
    codes: dict[tuple[str, str, int, str], Finding] = field(default_factory=dict)
    statuses: dict[tuple[str, str, int], Finding] = field(default_factory=dict)
    bodies: dict[tuple[str, str, int], list[Finding]] = field(default_factory=dict)
    _validators: dict[tuple[str, str, str, str], Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def document(self) -> dict[str, Any]:
        if self.spec is None:
            self.building = True  # reading /openapi.json is a request too: not observed
            try:
                self.spec = spec_document()
            finally:
                self.building = False
        return self.spec

    def findings(self) -> Iterator[Finding]:
        yield from self.statuses.values()
        yield from self.codes.values()
        for findings in self.bodies.values():
            yield from findings


OBSERVED = Observations()


def _current_test() -> str:
    return os.environ.get("PYTEST_CURRENT_TEST", "?").rsplit(" ", 1)[0]


def _view_location(app: Flask, method: str) -> str:
    endpoint = request.url_rule.endpoint if request.url_rule else None
    view = app.view_functions.get(endpoint or "")
    view_class = getattr(view, "view_class", None)
    target = getattr(view_class, method.lower(), view) if view_class is not None else view
    target = inspect.unwrap(target) if target is not None else None
    try:
        source = Path(inspect.getsourcefile(target) or "?").resolve()  # type: ignore[arg-type]
        return f"{source.relative_to(ROOT)}, {target.__qualname__}"  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return str(endpoint)


def _documented(operation: dict[str, Any], status: int) -> tuple[str, dict[str, Any]] | None:
    responses = operation.get("responses", {})
    if str(status) in responses:
        return str(status), responses[str(status)]
    if status >= 500 and "default" in responses:
        return "default", responses["default"]
    return None


def _listed_codes(response: dict[str, Any]) -> list[str]:
    schema = response.get("content", {}).get(PROBLEM_JSON, {}).get("schema", {})
    for part in schema.get("allOf", []):
        enum = part.get("properties", {}).get("code", {}).get("enum")
        if enum is not None:
            return list(enum)
    return []


def observe(sender: Flask, response: Response, **_extra: Any) -> None:
    """Connected to `flask.request_finished`: hold one answer against the document."""
    if request.url_rule is None or request.method in {"HEAD", "OPTIONS"} or OBSERVED.building:
        return  # no operation was reached (unknown path, method not allowed)
    spec = OBSERVED.document()
    path = openapi_path(request.url_rule.rule)
    method = request.method
    operation = spec["paths"].get(path, {}).get(method.lower())
    if operation is None or response.status_code == 304:
        return
    status = response.status_code
    mimetype = response.mimetype
    body = None
    if mimetype in {"application/json", PROBLEM_JSON}:
        try:
            body = json.loads(response.get_data())
        except ValueError:
            body = None
    code = body.get("code") if mimetype == PROBLEM_JSON and isinstance(body, dict) else None
    with OBSERVED._lock:
        OBSERVED.seen += 1
        documented = _documented(operation, status)
        if documented is None:
            OBSERVED.statuses.setdefault(
                (method, path, status),
                Finding(
                    method, path, status, code, _view_location(sender, method), _current_test()
                ),
            )
            return
        key, answer = documented
        if code is not None and code not in _listed_codes(answer):
            OBSERVED.codes.setdefault(
                (method, path, status, code),
                Finding(
                    method, path, status, code, _view_location(sender, method), _current_test()
                ),
            )
        content = answer.get("content", {})
        if body is None or mimetype not in content or "schema" not in content[mimetype]:
            if body is not None:
                OBSERVED.statuses.setdefault(
                    (method, path, status),
                    Finding(
                        method,
                        path,
                        status,
                        code,
                        _view_location(sender, method),
                        _current_test(),
                        f"its {mimetype} body is not described for that status",
                    ),
                )
            return
        cache_key = (method, path, key, mimetype)
        validator = OBSERVED._validators.get(cache_key)
        if validator is None:
            validator = validator_for(spec, content[mimetype]["schema"], closed=True)
            OBSERVED._validators[cache_key] = validator
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        found = OBSERVED.bodies.setdefault((method, path, status), [])
        for error in errors:
            if len(found) >= _MAX_BODY_FINDINGS:
                break
            where = "/".join(str(part) for part in error.absolute_path) or "(body)"
            found.append(
                Finding(
                    method,
                    path,
                    status,
                    code,
                    _view_location(sender, method),
                    _current_test(),
                    f"its body does not match the documented schema at {where}: {error.message}",
                )
            )


def _python_tuple(items: list[Any]) -> str:
    quoted = [f'"{item}"' for item in items]
    return f"({quoted[0]},)" if len(quoted) == 1 else f"({', '.join(quoted)})"


def explain(finding: Finding, spec: dict[str, Any]) -> str:
    """What was seen, and exactly what to add where."""
    operation = spec["paths"][finding.path][finding.method.lower()]
    head = f"{finding.method} {finding.path} answered {finding.status}"
    if finding.code is not None:
        head += f" with code `{finding.code}`"
    seen = f"(first seen in {finding.test})"
    if finding.message:
        return f"{head} {seen}, but {finding.message} (view: {finding.where})."
    documented = _documented(operation, finding.status)
    if documented is None:
        codes = (
            f"codes={{{finding.status}: {_python_tuple([finding.code])}}}" if finding.code else ""
        )
        return (
            f"{head} {seen}, a status its documentation does not list. Add it at "
            f"{finding.where}: @blp.errors({finding.status}, ..., {codes})"
        )
    listed = [c for c in _listed_codes(documented[1]) if c not in TOKEN_CODES]
    wanted = _python_tuple([*listed, finding.code])
    if finding.status == 401 and operation.get("security"):
        fix = f"@blp.authenticated(codes={wanted})"
    else:
        fix = f"@blp.errors({finding.status}, ..., codes={{{finding.status}: {wanted}}})"
    return (
        f"{head} {seen}, which its documentation does not list for {finding.status}. "
        f"Add it at {finding.where}: {fix}"
    )
