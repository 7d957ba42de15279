"""Languages: each user has a locale; the request's Accept-Language, when it names a
supported language, picks the language of an answer's texts for people."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import PASSWORD


def _register(client, headers=None, **fields):
    body = {
        "email": f"lang-{uuid.uuid4().hex[:8]}@example.com",
        "password": PASSWORD,
        "display_name": "Ana",
        **fields,
    }
    return client.post("/api/v1/auth/register", json=body, headers=headers or {})


def test_register_keeps_the_locale_it_is_given(client):
    response = _register(client, {"Accept-Language": "de"}, locale="es")
    assert response.status_code == 201
    assert response.get_json()["user"]["locale"] == "es"


@pytest.mark.parametrize(
    ("accept_language", "locale"),
    [
        ("fr, de;q=0.8, es;q=0.5", "de"),
        ("es-MX,es;q=0.9,en;q=0.5", "es"),
        ("de-CH", "de"),
        ("fr", "en"),
        ("*", "en"),
        ("es;q=0", "en"),
        (None, "en"),
    ],
)
def test_register_without_a_locale_takes_the_preferred_supported_language(
    client, accept_language, locale
):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = _register(client, headers)
    assert response.status_code == 201
    assert response.get_json()["user"]["locale"] == locale


def test_register_refuses_an_unsupported_locale(client):
    response = _register(client, locale="fr")
    assert response.status_code == 422
    assert "locale" in response.get_json()["errors"]


def test_patch_me_changes_the_locale_and_the_export_carries_it(client, accounts):
    sam = accounts.register("Sam")
    response = client.patch("/api/v1/me", json={"locale": "de"}, headers=sam["headers"])
    assert response.status_code == 200 and response.get_json()["locale"] == "de"
    assert client.get("/api/v1/me", headers=sam["headers"]).get_json()["locale"] == "de"
    export = client.get("/api/v1/me/export", headers=sam["headers"]).get_json()
    assert export["profile"]["locale"] == "de"


@pytest.mark.parametrize("value", ["fr", "EN", "", None, 3])
def test_patch_me_refuses_an_unsupported_locale(client, accounts, value):
    sam = accounts.register("Sam")
    response = client.patch("/api/v1/me", json={"locale": value}, headers=sam["headers"])
    assert response.status_code == 422
    assert "locale" in response.get_json()["errors"]
    assert client.get("/api/v1/me", headers=sam["headers"]).get_json()["locale"] == "en"
