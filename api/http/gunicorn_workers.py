"""gunicorn workers whose own answers are problem+json too, and whose logs hold no request.

gunicorn answers a request it cannot read before the app sees it: a request line over
`limit_request_line` (4,094 bytes) with 414, headers over `limit_request_field_size` or
`limit_request_fields` with 431, a malformed line with 400, each as a small HTML page
that repeats part of the request, and logs the offending line. These workers answer with
the app's problem+json instead and log only what kind of request was refused.
`gunicorn.conf.py` names them: `api.http.gunicorn_workers.ProblemSyncWorker`, or
`ProblemThreadWorker` with GUNICORN_THREADS > 1.
"""

from __future__ import annotations

import json
from datetime import datetime
from http import HTTPStatus
from ssl import SSLError
from typing import Any

from gunicorn import util
from gunicorn.http import errors as http_errors
from gunicorn.http.wsgi import Response, default_environ
from gunicorn.workers.gthread import ThreadWorker
from gunicorn.workers.sync import SyncWorker

from api.http.errors import PROBLEM_JSON, TITLES, problem_document
from api.http.logs import safe_traceback

# gunicorn's own statuses for what it cannot read (gunicorn.workers.base.handle_error),
# most specific first; any other ParseException is 400. Looked up by name: some of these
# arrived after gunicorn 23.
_STATUS_BY_ERROR_NAME = (
    ("InvalidResponseHeader", 500),  # the app's fault, not the client's
    ("InvalidResponseHeaderName", 500),
    ("LimitRequestLine", 414),
    ("LimitRequestHeaders", 431),
    ("UnsupportedTransferCoding", 501),
    ("ExpectationFailed", 417),
    ("ConfigurationProblem", 500),
    ("ForbiddenProxyRequest", 403),
    ("ParseException", 400),
)
_STATUS_BY_ERROR: tuple[tuple[type[BaseException], int], ...] = (
    *(
        (getattr(http_errors, name), status)
        for name, status in _STATUS_BY_ERROR_NAME
        if hasattr(http_errors, name)
    ),
    (SSLError, 403),
)


def status_for(exc: BaseException) -> int:
    for kind, status in _STATUS_BY_ERROR:
        if isinstance(exc, kind):
            return status
    return 500


def _reason(status: int) -> str:
    return TITLES.get(status) or HTTPStatus(status).phrase


def problem_bytes(status: int) -> bytes:
    """A complete HTTP/1.1 answer: `status` as the app's problem+json, then close."""
    body = json.dumps(problem_document(status)).encode()
    head = (
        f"HTTP/1.1 {status} {_reason(status)}\r\n"
        "Connection: close\r\n"
        f"Content-Type: {PROBLEM_JSON}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "\r\n"
    )
    return head.encode("latin-1") + body


class ProblemErrors:
    """Mixed into a gunicorn worker: `handle_error` without HTML and without the request."""

    log: Any
    cfg: Any

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        started = datetime.now()
        addr = addr or ("", -1)  # a unix socket has no address
        status = status_for(exc)
        if status >= 500:
            self.log.error("error handling a request:\n%s", safe_traceback(exc))
        else:
            # gunicorn logs the offending line or header; its type says enough.
            self.log.warning(
                "refused a request it could not read from ip=%s: %s",
                addr[0],
                type(exc).__name__,
            )
        if req is None:
            req = getattr(exc, "req", None)
        body = problem_bytes(status)
        if req is not None:
            environ = default_environ(req, client, self.cfg)
            environ["REMOTE_ADDR"] = addr[0]
            environ["REMOTE_PORT"] = str(addr[1])
            response = Response(req, client, self.cfg)
            response.status = f"{status} {_reason(status)}"
            response.response_length = len(body)
            self.log.access(response, req, environ, datetime.now() - started)
        try:
            util.write_nonblock(client, body)
        except Exception:
            self.log.debug("Failed to send error message.")


class ProblemSyncWorker(ProblemErrors, SyncWorker):
    """gunicorn's sync worker, answering what it cannot read with problem+json."""


class ProblemThreadWorker(ProblemErrors, ThreadWorker):
    """gunicorn's gthread worker, answering what it cannot read with problem+json."""
