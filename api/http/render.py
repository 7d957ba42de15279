"""JSON answers for the hot paths, encoded by orjson.

The schemas in `schemas/` still describe these bodies in the OpenAPI document (and the
schemathesis test checks every answer against them); on the busiest endpoints the body
is built from plain rows instead of dumped field by field through marshmallow. orjson
writes ids and timestamps itself: a UUID as its canonical string, a UTC datetime as
`isoformat()` does (`+00:00`, microseconds only when set).
"""

from __future__ import annotations

from typing import Any

import orjson
from flask import Response
from flask_smorest import Blueprint
from werkzeug.http import parse_etags


def json_response(
    payload: Any, status: int = 200, *, etag: Blueprint | None = None, tagged: bool = False
) -> Response:
    """`payload` as a JSON response. With `etag` (the view's blueprint), the body's hash
    is the ETag, and a request whose If-None-Match matches it ends in 304. `tagged` sends
    the same ETag on an answer that is not a read (the new state after a change)."""
    body = orjson.dumps(payload)
    if etag is not None:
        etag.set_etag(body.decode())
    response = Response(body, status=status, mimetype="application/json")
    if tagged:
        response.set_etag(Blueprint._generate_etag(body.decode()))
    return response


def etag_of(payload: Any) -> str:
    """The (strong) ETag `json_response(payload, etag=...)` sends for `payload`."""
    return str(Blueprint._generate_etag(orjson.dumps(payload).decode()))


def matches(if_match: str, payload: Any) -> bool:
    """Whether an If-Match header names the current `payload` (strong comparison, or *)."""
    return bool(parse_etags(if_match).contains(etag_of(payload)))
