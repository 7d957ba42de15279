"""Every failure answers with the same problem+json shape and a stable code."""

from __future__ import annotations

import json

import pytest
from flask import Flask

from api import create_app
from api.config import TestConfig
from tests.conftest import PASSWORD

REGISTER = "/api/v1/auth/register"


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


def test_validation_error_names_each_field(client):
    body = assert_problem(
        client.post(REGISTER, json={"email": "a@example.com"}), 422, "validation_error"
    )
    assert body["title"] == "Unprocessable Content"
    assert body["errors"] == {
        "password": ["Missing data for required field."],
        "display_name": ["Missing data for required field."],
    }
    assert "password: Missing data for required field." in body["detail"]


def test_unknown_fields_are_rejected_not_dropped(client):
    body = assert_problem(
        client.post(
            REGISTER,
            json={"email": "a@example.com", "password": PASSWORD, "display_name": "A", "admin": 1},
        ),
        422,
        "validation_error",
    )
    assert body["errors"] == {"admin": ["Unknown field."]}


@pytest.mark.parametrize("field", ["email", "password", "display_name", "timezone"])
def test_a_nul_character_in_any_string_is_422(client, field):
    payload = {
        "email": "a@example.com",
        "password": PASSWORD,
        "display_name": "A",
        "timezone": "UTC",
    }
    payload[field] = payload[field] + "\u0000"
    body = assert_problem(client.post(REGISTER, json=payload), 422, "validation_error")
    assert field in body["errors"]


def test_a_lone_surrogate_is_422_not_500(client):
    raw = f'{{"email": "a@example.com", "password": "{PASSWORD}", "display_name": "\\ud800"}}'
    response = client.post(REGISTER, data=raw, content_type="application/json")
    body = assert_problem(response, 422, "validation_error")
    assert "display_name" in body["errors"]


def test_malformed_json_is_400(client):
    response = client.post(REGISTER, data="{not json", content_type="application/json")
    assert_problem(response, 400, "malformed_json")


def test_a_json_body_that_is_not_an_object_is_422(client):
    response = client.post(REGISTER, data="[1, 2]", content_type="application/json")
    assert_problem(response, 422, "validation_error")


def test_wrong_content_type_is_415(client):
    response = client.post(REGISTER, data="email=a@example.com", content_type="text/plain")
    assert_problem(response, 415, "unsupported_media_type")


def test_a_body_over_64_kib_is_413(client):
    payload = json.dumps({"email": "a@example.com", "display_name": "x" * 70_000})
    response = client.post(REGISTER, data=payload, content_type="application/json")
    body = assert_problem(response, 413, "payload_too_large")
    assert body["title"] == "Content Too Large"


def test_unknown_path_is_404_problem(client):
    assert_problem(client.get("/api/v1/nothing-here"), 404, "not_found")


def test_wrong_method_is_405_and_keeps_allow(client):
    response = client.delete("/api/v1/vocabulary")
    assert_problem(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


def test_an_unexpected_error_is_500_without_internals(make_app, monkeypatch):
    app = make_app()

    def explode(*_args, **_kwargs):
        raise RuntimeError("secret-sauce SELECT password_hash FROM users")

    monkeypatch.setattr("api.resources.vocabulary.vocabulary", explode)
    response = app.test_client().get("/api/v1/vocabulary")
    body = assert_problem(response, 500, "internal_error")
    text = json.dumps(body)
    assert "secret-sauce" not in text and "SELECT" not in text and "Traceback" not in text


def _app_on_unreachable_database(tmp_path) -> Flask:
    # A SQLite file in a folder that does not exist cannot be opened: the database is "down".
    return create_app(TestConfig(f"sqlite:///{tmp_path}/gone/attune.sqlite"))


def test_database_down_is_503_on_readyz_and_on_database_calls(tmp_path):
    app = _app_on_unreachable_database(tmp_path)
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    assert_problem(client.get("/readyz"), 503, "service_unavailable")
    response = client.post(
        REGISTER, json={"email": "a@example.com", "password": PASSWORD, "display_name": "A"}
    )
    assert_problem(response, 503, "service_unavailable")
    response = client.post("/api/v1/auth/login", json={"email": "a@example.com", "password": "x"})
    assert_problem(response, 503, "service_unavailable")


def test_the_service_recovers_when_the_database_comes_back(tmp_path):
    from flask_migrate import upgrade

    from models import db

    app = _app_on_unreachable_database(tmp_path)
    client = app.test_client()
    assert client.get("/readyz").status_code == 503

    (tmp_path / "gone").mkdir()
    with app.app_context():
        upgrade()
    assert client.get("/readyz").status_code == 200
    response = client.post(
        REGISTER, json={"email": "a@example.com", "password": PASSWORD, "display_name": "A"}
    )
    assert response.status_code == 201
    with app.app_context():
        db.engine.dispose()
