from __future__ import annotations

from sqlalchemy import select

from models import TokenFamily, db
from tests.conftest import PASSWORD, auth_headers


def test_me_returns_the_caller(client, accounts):
    sam = accounts.register("Sam", timezone="Europe/Berlin")
    response = client.get("/api/v1/me", headers=sam["headers"])
    assert response.status_code == 200
    body = response.get_json()
    assert body == sam["user"]
    assert set(body) == {
        "id",
        "email",
        "display_name",
        "timezone",
        "locale",
        "created_at",
        "couple_id",
        "notify_partner_checkins",
        "reminder_time",
        "quiet_hours",
        "identities",
        "has_password",
    }
    assert body["locale"] == "en"
    assert body["identities"] == [] and body["has_password"] is True
    assert body["notify_partner_checkins"] is True and body["reminder_time"] is None
    assert body["quiet_hours"] == {"start": "22:00", "end": "08:00"}


def test_patch_me_changes_name_and_timezone(client, accounts):
    sam = accounts.register()
    response = client.patch(
        "/api/v1/me",
        json={"display_name": "Samantha", "timezone": "America/Los_Angeles"},
        headers=sam["headers"],
    )
    assert response.status_code == 200
    assert response.get_json()["display_name"] == "Samantha"
    again = client.get("/api/v1/me", headers=sam["headers"]).get_json()
    assert again["timezone"] == "America/Los_Angeles"


def test_patch_me_rejects_server_owned_and_unknown_fields(client, accounts):
    sam = accounts.register()
    for field, value in {
        "id": "00000000-0000-0000-0000-000000000000",
        "email": "x@example.com",
        "couple_id": None,
        "created_at": "2026-01-01T00:00:00Z",
        "password": PASSWORD,
    }.items():
        response = client.patch("/api/v1/me", json={field: value}, headers=sam["headers"])
        assert response.status_code == 422, field
        assert field in response.get_json()["errors"]
    assert client.get("/api/v1/me", headers=sam["headers"]).get_json() == sam["user"]


def test_patch_me_rejects_a_bad_timezone(client, accounts):
    sam = accounts.register()
    response = client.patch("/api/v1/me", json={"timezone": "Nowhere"}, headers=sam["headers"])
    assert response.status_code == 422
    assert "timezone" in response.get_json()["errors"]


def test_password_change_needs_the_current_password(client, accounts):
    sam = accounts.register()
    response = client.post(
        "/api/v1/me/password",
        json={"current_password": "wrong password", "new_password": "a brand new passphrase"},
        headers=sam["headers"],
    )
    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_credentials"
    assert client.get("/api/v1/me", headers=sam["headers"]).status_code == 200


def test_password_change_revokes_every_other_token_and_keeps_this_one(client, accounts, app):
    sam = accounts.register("Sam", email="sam@example.com")
    other = client.post(
        "/api/v1/auth/login", json={"email": "sam@example.com", "password": PASSWORD}
    ).get_json()

    response = client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "a brand new passphrase"},
        headers=sam["headers"],
    )
    assert response.status_code == 204

    assert client.get("/api/v1/me", headers=sam["headers"]).status_code == 200
    assert client.get("/api/v1/me", headers=auth_headers(other["access_token"])).status_code == 401
    refresh = client.post("/api/v1/auth/refresh", headers=auth_headers(other["refresh_token"]))
    assert refresh.status_code == 401
    with app.app_context():
        revoked = db.session.scalars(select(TokenFamily.revoked_at)).all()
    assert sum(r is not None for r in revoked) == 1

    old = client.post("/api/v1/auth/login", json={"email": "sam@example.com", "password": PASSWORD})
    assert old.status_code == 401
    new = client.post(
        "/api/v1/auth/login",
        json={"email": "sam@example.com", "password": "a brand new passphrase"},
    )
    assert new.status_code == 200


def test_password_change_rejects_a_short_new_password(client, accounts):
    sam = accounts.register()
    response = client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "short"},
        headers=sam["headers"],
    )
    assert response.status_code == 422
    assert "new_password" in response.get_json()["errors"]


def test_patch_me_without_a_body_is_422_as_the_openapi_document_says(client, accounts):
    sam = accounts.register()
    for extra in ({}, {"content_type": "application/json"}):
        response = client.patch("/api/v1/me", headers=sam["headers"], **extra)
        assert response.status_code == 422
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["errors"] == {"body": ["A JSON body is required."]}
    spec = client.get("/openapi.json").get_json()
    assert spec["paths"]["/api/v1/me"]["patch"]["requestBody"]["required"] is True


def test_patch_me_with_an_empty_object_changes_nothing(client, accounts):
    sam = accounts.register()
    response = client.patch("/api/v1/me", json={}, headers=sam["headers"])
    assert response.status_code == 200
    assert response.get_json() == sam["user"]


def test_get_me_has_a_strong_etag_and_answers_304(client, accounts):
    sam = accounts.register()
    first = client.get("/api/v1/me", headers=sam["headers"])
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get("/api/v1/me", headers={**sam["headers"], "If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    client.patch("/api/v1/me", json={"display_name": "Samantha"}, headers=sam["headers"])
    changed = client.get("/api/v1/me", headers={**sam["headers"], "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_patch_me_with_the_current_etag_applies_and_answers_the_new_one(client, accounts):
    sam = accounts.register()
    etag = client.get("/api/v1/me", headers=sam["headers"]).headers["ETag"]
    response = client.patch(
        "/api/v1/me", json={"timezone": "Asia/Tokyo"}, headers={**sam["headers"], "If-Match": etag}
    )
    assert response.status_code == 200
    assert response.get_json()["timezone"] == "Asia/Tokyo"
    assert (
        response.headers["ETag"] == client.get("/api/v1/me", headers=sam["headers"]).headers["ETag"]
    )


def test_patch_me_from_a_stale_etag_is_412_and_changes_nothing(client, accounts):
    sam = accounts.register()
    etag = client.get("/api/v1/me", headers=sam["headers"]).headers["ETag"]
    client.patch(  # another phone, meanwhile
        "/api/v1/me", json={"display_name": "Sam on the tablet"}, headers=sam["headers"]
    )
    for stale in (etag, f"W/{etag}", '"something else"'):
        response = client.patch(
            "/api/v1/me",
            json={"display_name": "Sam on the phone"},
            headers={**sam["headers"], "If-Match": stale},
        )
        assert response.status_code == 412, stale
        assert response.get_json()["code"] == "precondition_failed"
    me = client.get("/api/v1/me", headers=sam["headers"]).get_json()
    assert me["display_name"] == "Sam on the tablet"


def test_patch_me_without_if_match_or_with_a_star_still_applies(client, accounts):
    sam = accounts.register()
    assert (
        client.patch("/api/v1/me", json={"display_name": "A"}, headers=sam["headers"]).status_code
        == 200
    )
    star = client.patch(
        "/api/v1/me", json={"display_name": "B"}, headers={**sam["headers"], "If-Match": "*"}
    )
    assert star.status_code == 200 and star.get_json()["display_name"] == "B"
