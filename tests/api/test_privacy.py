"""What leaves the service: headers on personal data, and log lines."""

from __future__ import annotations

import logging

from tests.conftest import PASSWORD, auth_headers, checkin


def test_token_and_personal_responses_are_never_cached(client, accounts):
    sam = accounts.register()
    login = client.post("/api/v1/auth/login", json={"email": sam["email"], "password": PASSWORD})
    for response in (
        login,
        client.get("/api/v1/me", headers=sam["headers"]),
        client.get("/api/v1/checkins", headers=sam["headers"]),
        client.post("/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"])),
    ):
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_secret_or_note_reaches_the_logs(client, accounts, caplog):
    caplog.set_level(logging.DEBUG)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    note = "a very private note about my day"
    posted = checkin(client, sam, note=note)
    message = "words meant only for Sam"
    client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "reflect", "message": message},
        headers=alex["headers"],
    )
    client.post("/api/v1/auth/login", json={"email": alex["email"], "password": "wrong password!"})
    refreshed = client.post("/api/v1/auth/refresh", headers=auth_headers(alex["refresh_token"]))
    client.post("/api/v1/auth/refresh", headers=auth_headers(alex["refresh_token"]))  # reuse
    client.post("/api/v1/auth/logout", headers=sam["headers"])
    client.get("/api/v1/nowhere", headers=sam["headers"])

    logged = caplog.text
    assert caplog.records, "the flow should have logged something to search"
    secrets = [
        PASSWORD,
        "wrong password!",
        code,
        code.replace("-", ""),
        note,
        message,
        alex["access_token"],
        alex["refresh_token"],
        sam["access_token"],
        refreshed.get_json()["access_token"],
    ]
    for secret in secrets:
        assert secret not in logged, secret


def test_each_response_carries_a_request_id_and_echoes_a_sane_one(client):
    generated = client.get("/healthz").headers["X-Request-ID"]
    assert len(generated) == 32
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"]
        == "abc-123"
    )
    forged = client.get("/healthz", headers={"X-Request-ID": '<script> or a "quote"'})
    assert len(forged.headers["X-Request-ID"]) == 32


def test_access_lines_are_json_with_the_request_id(client, caplog):
    import json

    from api.http.logs import JsonFormatter

    caplog.set_level(logging.INFO, logger="api.access")
    client.get("/api/v1/vocabulary", headers={"X-Request-ID": "trace-42"})
    (record,) = [r for r in caplog.records if r.name == "api.access"]
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "request"
    assert line["route"] == "/api/v1/vocabulary"
    assert line["status"] == 200 and line["method"] == "GET"
    assert isinstance(line["duration_ms"], float)
