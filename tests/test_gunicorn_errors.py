"""gunicorn's own answers are problem+json too (issue 16, item 10), against a real gunicorn.

A request line over 4,094 bytes, or headers over gunicorn's limits, never reach Flask:
gunicorn answers them itself. Its workers (api/http/gunicorn_workers.py, named in
gunicorn.conf.py) answer with the app's problem+json, repeat nothing of the request, and
log nothing of it either.
"""

from __future__ import annotations

import json
import socket

import pytest

from devtools.serve import gunicorn, migrate

SECRET = "s3cret-query-value"


@pytest.fixture(scope="module", params=["sync", "gthread"])
def server(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    env = {
        "APP_ENV": "development",
        "DATABASE_URL": f"sqlite:///{folder}/attune.sqlite",
        "GUNICORN_THREADS": "2" if request.param == "gthread" else "1",
        "LOG_JSON": "true",
    }
    migrate(env)
    log = folder / "gunicorn.log"
    with log.open("wb") as output, gunicorn("wsgi:app", env, workers=1, output=output) as base:
        yield base.removeprefix("http://"), log


def _raw(address: str, request: bytes) -> tuple[str, dict[str, str], bytes]:
    host, port = address.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status_line, headers, body


def _get(path: str, *headers: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: localhost", *headers, "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _assert_problem(answer, status: int, code: str) -> dict:
    status_line, headers, body = answer
    assert status_line.split(" ", 2)[1] == str(status), status_line
    assert headers["content-type"] == "application/problem+json"
    assert int(headers["content-length"]) == len(body)
    problem = json.loads(body)
    assert problem["status"] == status and problem["code"] == code
    assert problem["type"] == "about:blank" and problem["title"] and problem["detail"]
    assert SECRET not in body.decode()
    return problem


def test_a_url_over_4094_bytes_is_414_problem_json(server):
    address, _ = server
    answer = _raw(address, _get(f"/api/v1/vocabulary?q={SECRET}{'x' * 5000}"))
    problem = _assert_problem(answer, 414, "uri_too_long")
    assert problem["title"] == "URI Too Long"


def test_a_header_over_8190_bytes_is_431_problem_json(server):
    address, _ = server
    answer = _raw(address, _get("/healthz", f"X-Big: {SECRET}{'y' * 9000}"))
    _assert_problem(answer, 431, "request_header_fields_too_large")


def test_more_than_100_headers_is_431_problem_json(server):
    address, _ = server
    answer = _raw(address, _get("/healthz", *(f"X-H{i}: {SECRET}" for i in range(120))))
    _assert_problem(answer, 431, "request_header_fields_too_large")


def test_a_request_gunicorn_cannot_read_is_400_problem_json(server):
    address, _ = server
    answer = _raw(address, f"GET /{SECRET} HTTP/1.1 extra\r\n\r\n".encode())
    _assert_problem(answer, 400, "bad_request")


def test_the_app_still_answers_normally(server):
    address, _ = server
    status_line, _, body = _raw(address, _get("/healthz"))
    assert status_line.startswith("HTTP/1.1 200")
    assert json.loads(body) == {"status": "ok"}


def test_nothing_of_the_refused_requests_is_logged(server):
    address, log = server
    _raw(address, _get(f"/api/v1/vocabulary?q={SECRET}{'x' * 5000}"))
    _raw(address, f"GET /{SECRET} HTTP/1.1 extra\r\n\r\n".encode())
    logged = log.read_text(errors="replace")
    assert "LimitRequestLine" in logged  # what happened is there...
    assert SECRET not in logged  # ...but not what was sent
