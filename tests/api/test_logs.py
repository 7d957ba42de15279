"""No log line holds a body, a SQL parameter or a secret, also when a request fails (item 7)."""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import text

from api.http.logs import JsonFormatter
from models import db
from tests.conftest import PASSWORD

SECRET = "s3cret-in-a-parameter"


def _everything_logged(caplog) -> str:
    rendered = []
    for record in caplog.records:
        rendered.append(JsonFormatter().format(record))
        rendered.append(logging.Formatter().format(record))
        rendered.append(repr(record.__dict__))
    return "\n".join(rendered)


def _insert_an_incomplete_row(*_args, **_kwargs):
    # The statement the database refuses carries the secret as a bound parameter, and
    # PostgreSQL's error repeats it ("Failing row contains (..., s3cret-...)").
    db.session.execute(
        text("INSERT INTO users (id, email) VALUES (:id, :email)"),
        {"id": str(uuid.uuid4()), "email": SECRET},
    )


def test_a_500_from_the_database_logs_neither_parameters_nor_the_row(
    client, accounts, monkeypatch, caplog
):
    caplog.set_level(logging.DEBUG)
    sam = accounts.register()
    monkeypatch.setattr("api.resources.me.update_profile", _insert_an_incomplete_row)
    response = client.patch(
        "/api/v1/me", json={"display_name": f"Sam {SECRET}"}, headers=sam["headers"]
    )
    assert response.status_code == 500
    assert SECRET not in response.get_data(as_text=True)
    logged = _everything_logged(caplog)
    assert "unhandled error" in logged
    assert "IntegrityError" in logged  # what failed, and where, is still there
    assert "INSERT INTO users" in logged
    assert SECRET not in logged
    assert "[parameters:" not in logged


def test_an_unexpected_exception_message_is_not_logged(client, accounts, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    sam = accounts.register()

    def explode(*_args, **_kwargs):
        raise ValueError(f"could not use {SECRET}")

    monkeypatch.setattr("api.resources.me.update_profile", explode)
    response = client.patch("/api/v1/me", json={"display_name": "Sam"}, headers=sam["headers"])
    assert response.status_code == 500
    logged = _everything_logged(caplog)
    assert "ValueError" in logged and "explode" in logged
    assert SECRET not in logged


def test_requests_with_secrets_in_bodies_and_queries_log_none_of_them(client, accounts, caplog):
    caplog.set_level(logging.DEBUG)
    sam = accounts.register()
    client.post(
        "/api/v1/auth/login", json={"email": sam["email"], "password": f"{PASSWORD}{SECRET}"}
    )
    client.post(
        "/api/v1/me/password",
        json={"current_password": SECRET, "new_password": SECRET * 2},
        headers=sam["headers"],
    )
    client.get(f"/api/v1/checkins?cursor={SECRET}", headers=sam["headers"])
    client.post("/api/v1/couple", json={"code": SECRET}, headers=sam["headers"])
    logged = _everything_logged(caplog)
    assert "request" in logged
    assert SECRET not in logged
    assert sam["access_token"] not in logged
