"""One error shape for every failure: RFC 9457 problem details with a stable `code`."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, request
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from api.http.logs import safe_traceback
from models import db

PROBLEM_JSON = "application/problem+json"

log = logging.getLogger(__name__)

# The codes a client sees for errors raised by Flask, Werkzeug or an extension.
CODE_BY_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    417: "expectation_failed",
    422: "validation_error",
    428: "precondition_required",
    429: "rate_limited",
    431: "request_header_fields_too_large",
    500: "internal_error",
    501: "not_implemented",
    503: "service_unavailable",
}


def edge_code(status: int) -> str:
    """The code of an error raised by Flask, Werkzeug or an extension, by its status."""
    return CODE_BY_STATUS.get(status) or HTTPStatus(status).phrase.lower().replace(" ", "_")


# RFC 9110 names, where Python's http module still has the older ones.
TITLES = {413: "Content Too Large", 414: "URI Too Long", 422: "Unprocessable Content"}


class ApiError(Exception):
    """Raise anywhere in a request to answer with a problem+json body."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str | None = None,
        *,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or code)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


def not_found(detail: str = "Nothing was found here.", code: str = "not_found") -> ApiError:
    return ApiError(404, code, detail)


def problem_document(
    status: int,
    code: str | None = None,
    detail: str | None = None,
    *,
    errors: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """The problem+json body for `status` (its `code` by default from CODE_BY_STATUS)."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status) or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or HTTPStatus(status).description,
        "code": code or CODE_BY_STATUS.get(status) or "error",
    }
    if errors is not None:
        body["errors"] = errors
    return body


def problem(
    status: int,
    code: str,
    detail: str | None = None,
    *,
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = problem_document(status, code, detail, errors=errors)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    if status == 401:
        response.headers.setdefault("WWW-Authenticate", "Bearer")
    return response


def flatten_messages(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn marshmallow's nested messages into `{"field.sub": ["message", ...]}`."""
    if isinstance(messages, list | tuple):
        if all(isinstance(m, str) for m in messages):
            return {prefix or "body": list(messages)}
        flat: dict[str, list[str]] = {}
        for item in messages:
            for key, value in flatten_messages(item, prefix).items():
                flat.setdefault(key, []).extend(value)
        return flat
    if isinstance(messages, dict):
        flat = {}
        for key, value in messages.items():
            name = "body" if key == "_schema" and not prefix else str(key)
            if key == "_schema" and prefix:
                name = prefix
            elif prefix:
                name = f"{prefix}.{key}"
            for field, msgs in flatten_messages(value, name).items():
                flat.setdefault(field, []).extend(msgs)
        return flat
    return {prefix or "body": [str(messages)]}


def validation_problem(messages: Any) -> Response:
    # webargs nests messages under their location ("json", "query", "headers").
    if isinstance(messages, dict) and set(messages) <= {"json", "query", "headers", "view_args"}:
        merged: dict[str, list[str]] = {}
        for location_messages in messages.values():
            for field, msgs in flatten_messages(location_messages).items():
                merged.setdefault(field, []).extend(msgs)
    else:
        merged = flatten_messages(messages)
    detail = " ".join(f"{field}: {' '.join(msgs)}" for field, msgs in merged.items())
    return problem(422, "validation_error", detail or None, errors=merged)


def _not_modified() -> Response:
    response = Response(status=304)
    if len(request.if_none_match.as_set()) == 1:
        (etag,) = request.if_none_match.as_set()
        response.set_etag(etag)
    return response


def _handle_http_exception(exc: HTTPException) -> Response:
    status = exc.code or 500
    if status == 304:  # an ETag matched If-None-Match: not an error, and no body
        return _not_modified()
    data = getattr(exc, "data", None) or {}
    messages = data.get("messages")
    if status == 422 and messages is not None:
        return validation_problem(messages)
    headers = {name: value for name, value in exc.get_headers() if name.lower() != "content-type"}
    if status == 400 and messages is not None:
        return problem(400, "malformed_json", "The body is not valid JSON.", headers=headers)
    if status >= 500 and status != 503:
        original = getattr(exc, "original_exception", None) or exc
        log.error(
            "error %s on %s %s",
            status,
            request.method,
            request.path,
            extra={"exception": safe_traceback(original)},
        )
    code = edge_code(status)
    detail = exc.description if status != 500 else None
    if status == 413:
        detail = "The request body is larger than this service accepts."
    return problem(status, code, detail, headers=headers)


def _handle_api_error(exc: ApiError) -> Response:
    return problem(exc.status, exc.code, exc.detail, errors=exc.errors, headers=exc.headers)


def _handle_database_unavailable(exc: Exception) -> Response:
    # The pool's pre-ping replaces dead connections, so the next request recovers by itself.
    db.session.rollback()
    log.warning("database unavailable: %s", type(exc).__name__)
    return problem(503, "service_unavailable", "The service is briefly unavailable; try again.")


def _handle_unexpected(exc: Exception) -> Response:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return _handle_database_unavailable(exc)
    # The stack and the types, not the message: it can hold what the client sent.
    log.error(
        "unhandled error on %s %s",
        request.method,
        request.path,
        extra={"exception": safe_traceback(exc)},
    )
    db.session.rollback()
    return problem(500, "internal_error", "Something went wrong on our side.")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(ApiError, _handle_api_error)
    for unavailable in (OperationalError, InterfaceError, DisconnectionError):
        app.register_error_handler(unavailable, _handle_database_unavailable)
    app.register_error_handler(Exception, _handle_unexpected)
