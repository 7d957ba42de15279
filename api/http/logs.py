"""Structured JSON logs with a request id, and nothing a user typed in them.

Each request gets one access line (method, route, status, duration, request id). Bodies,
headers and query strings are never logged: they carry passwords, tokens, invite codes
and notes. Nor are exception messages: a database error repeats the failing row
("Failing row contains (...)"), and a ValueError the value it could not use. An
exception is logged as its stack and the names of its types (`safe_traceback`), with
the SQL statement (placeholders, never values) and SQLSTATE of a database error.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback
import uuid
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from flask import Flask, Response, g, has_request_context, request

access_log = logging.getLogger("api.access")

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_RESERVED = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _chain(exc: BaseException) -> list[BaseException]:
    """`exc` and the exceptions behind it, the oldest first, as Python prints them."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        chain.append(current)
        seen.add(id(current))
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    return list(reversed(chain))


def _what_failed(exc: BaseException) -> str:
    """The exception's type, and what of it is safe to keep: never its message."""
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    details = []
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None) or getattr(
        exc, "sqlstate", None
    )
    if sqlstate:
        details.append(f"SQLSTATE {sqlstate}")
    statement = getattr(exc, "statement", None)
    if isinstance(statement, str):  # SQLAlchemy's: the text with placeholders, no values
        details.append(f"statement: {' '.join(statement.split())}")
    return name + (f" ({'; '.join(details)})" if details else "")


def safe_traceback(exc: BaseException) -> str:
    """The stack of `exc` and the exceptions behind it, with type names but no messages."""
    parts: list[str] = []
    for link in _chain(exc):
        if parts:
            parts.append("\nwhich led to:\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(link.__traceback__)))
        parts.append(_what_failed(link) + "\n")
    return "".join(parts).rstrip("\n")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context() and "request_id" in g:
            entry["request_id"] = g.request_id
        entry.update((key, value) for key, value in record.__dict__.items() if key not in _RESERVED)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)

    def formatException(self, ei: Any) -> str:
        # Whoever logs with exc_info, the message of the exception stays out of the line.
        return safe_traceback(ei[1]) if ei and ei[1] is not None else ""


def request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


def _start_request() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    # A client-chosen id is echoed only when it is plainly an id, so logs stay clean.
    g.request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish_request(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.get("request_id", "")
    started = g.get("request_started")
    access_log.info(
        "request",
        extra={
            "method": request.method,
            # The route pattern, not the path: ids in paths need not be in every log line.
            "route": request.url_rule.rule if request.url_rule else None,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
        },
    )
    return response


class DevServerAccessLine(logging.Filter):
    """Drops the access line of Werkzeug's development server (`make run`).

    Our access line says the same, once, as JSON and without the query string that
    Werkzeug's line carries. The server's other lines (where it listens) stay.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.endswith('"%s" %s %s'))


def init_logging(app: Flask) -> None:
    app.before_request(_start_request)
    app.after_request(_finish_request)
    root = logging.getLogger("api")
    if app.config.get("LOG_JSON") and not root.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)
        root.setLevel(app.config.get("LOG_LEVEL", "INFO"))
        root.propagate = False
    werkzeug = logging.getLogger("werkzeug")
    if app.config.get("LOG_JSON") and not any(
        isinstance(f, DevServerAccessLine) for f in werkzeug.filters
    ):
        werkzeug.addFilter(DevServerAccessLine())
