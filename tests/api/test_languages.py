"""Languages: each user has a locale; the request's Accept-Language, when it names a
supported language, picks the language of an answer's texts for people."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import PASSWORD, checkin


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


# ---- the language of an answer --------------------------------------------------------


def _paired_with_a_check_in(client, pair, *, locale="en"):
    alex, sam = pair("Alex", "Sam")
    client.patch("/api/v1/me", json={"locale": locale}, headers=alex["headers"])
    checkin(client, sam, tone="sad", energy=2, need="comfort")
    return alex, sam


def test_prompts_follow_the_profile_when_the_request_names_no_language(client, pair):
    alex, _ = _paired_with_a_check_in(client, pair, locale="de")
    response = client.get("/api/v1/prompts", headers=alex["headers"])
    assert response.headers["Content-Language"] == "de"
    assert "Accept-Language" in response.headers["Vary"]
    reflect = next(p for p in response.get_json()["prompts"] if p["kind"] == "reflect")
    assert "traurig" in " ".join([reflect["text"], *reflect["phrases"]])


def test_accept_language_beats_the_profile(client, pair):
    alex, _ = _paired_with_a_check_in(client, pair, locale="de")
    headers = {**alex["headers"], "Accept-Language": "es-MX,es;q=0.9"}
    response = client.get("/api/v1/prompts", headers=headers)
    assert response.headers["Content-Language"] == "es"
    body = response.get_json()
    reflect = next(p for p in body["prompts"] if p["kind"] == "reflect")
    assert "tristeza" in " ".join([reflect["text"], *reflect["phrases"]])
    # Ids, variants and signals are the same in every language: only the words change.
    english = client.get(
        "/api/v1/prompts", headers={**alex["headers"], "Accept-Language": "en"}
    ).get_json()
    assert [(p["id"], p["variant"], p["signals"]) for p in body["prompts"]] == [
        (p["id"], p["variant"], p["signals"]) for p in english["prompts"]
    ]


@pytest.mark.parametrize("accept_language", ["fr", "pt-BR, it;q=0.5", "*", "es;q=0"])
def test_an_unsupported_accept_language_falls_back_to_the_profile(client, pair, accept_language):
    alex, _ = _paired_with_a_check_in(client, pair, locale="es")
    headers = {**alex["headers"], "Accept-Language": accept_language}
    response = client.get("/api/v1/prompts", headers=headers)
    assert response.headers["Content-Language"] == "es"


def test_each_language_has_its_own_etag(client, pair):
    alex, _ = _paired_with_a_check_in(client, pair)
    spanish = client.get("/api/v1/prompts", headers={**alex["headers"], "Accept-Language": "es"})
    german = client.get(
        "/api/v1/prompts",
        headers={
            **alex["headers"],
            "Accept-Language": "de",
            "If-None-Match": spanish.headers["ETag"],
        },
    )
    assert german.status_code == 200 and german.headers["ETag"] != spanish.headers["ETag"]


def test_the_summary_speaks_the_request_s_language(client, pair):
    alex, _ = _paired_with_a_check_in(client, pair)
    english = client.get("/api/v1/couple/summary", headers=alex["headers"]).get_json()
    response = client.get(
        "/api/v1/couple/summary", headers={**alex["headers"], "Accept-Language": "de"}
    )
    assert response.headers["Content-Language"] == "de"
    german = response.get_json()
    assert german["together"] == english["together"]
    assert german["suggestion"]["id"] == english["suggestion"]["id"]
    assert german["suggestion"]["text"] != english["suggestion"]["text"]


def test_vocabulary_labels_are_in_the_request_s_language(client):
    response = client.get("/api/v1/vocabulary", headers={"Accept-Language": "es"})
    assert response.headers["Content-Language"] == "es"
    assert "Accept-Language" in response.headers["Vary"]
    tones = {t["name"]: t["label"] for t in response.get_json()["tones"]}
    assert tones["sad"] == "Tristeza"
    assert client.get("/api/v1/vocabulary").get_json()["tones"][5]["label"] == "Sad"


def test_answers_without_words_for_people_carry_no_language(client, accounts):
    sam = accounts.register("Sam")
    response = client.get("/api/v1/me", headers={**sam["headers"], "Accept-Language": "de"})
    assert "Content-Language" not in response.headers


def test_error_details_stay_english(client):
    response = client.post(
        "/api/v1/auth/login", json={"email": "x@example.com"}, headers={"Accept-Language": "de"}
    )
    assert response.status_code == 422
    assert response.get_json()["detail"] == "password: Missing data for required field."
    assert "Content-Language" not in response.headers


def test_a_push_speaks_the_recipient_s_language_not_the_sender_s(client, pair, app):
    from sqlalchemy import select

    from models import Notification, db

    alex, sam = pair("Alex", "Sam")
    client.patch("/api/v1/me", json={"locale": "de"}, headers=alex["headers"])
    response = client.post(
        "/api/v1/checkins",
        json={"tone": "tired", "energy": 3},
        headers={**sam["headers"], "Accept-Language": "es"},
    )
    assert response.status_code == 201
    with app.app_context():
        push = db.session.scalars(
            select(Notification).where(Notification.kind == "partner_checkin")
        ).one()
    assert "müde" in push.body and "Sam" in push.body
    assert "tired" not in push.body and "cansancio" not in push.body
