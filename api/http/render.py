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


def json_response(payload: Any, status: int = 200, *, etag: Blueprint | None = None) -> Response:
    """`payload` as a JSON response. With `etag` (the view's blueprint), the body's hash
    is the ETag, and a request whose If-None-Match matches it ends in 304."""
    body = orjson.dumps(payload)
    if etag is not None:
        etag.set_etag(body.decode())
    return Response(body, status=status, mimetype="application/json")
