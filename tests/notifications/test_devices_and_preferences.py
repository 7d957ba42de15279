from __future__ import annotations

import pytest
from sqlalchemy import select

from models import Device, db


def _register(client, user, token="phone-1", platform="ios"):
    return client.post(
        "/api/v1/devices", json={"platform": platform, "token": token}, headers=user["headers"]
    )


def test_a_device_is_registered_once_and_moves_to_the_newest_account(client, accounts, app):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    assert _register(client, alex).status_code == 201
    again = _register(client, alex, platform="android")
    assert again.status_code == 200 and again.get_json()["platform"] == "android"
    assert _register(client, sam).status_code == 201
    with app.app_context():
        (device,) = db.session.scalars(select(Device)).all()
        assert str(device.user_id) == sam["user"]["id"]
    assert client.delete("/api/v1/devices/phone-1", headers=alex["headers"]).status_code == 404
    assert client.delete("/api/v1/devices/phone-1", headers=sam["headers"]).status_code == 204
    assert client.delete("/api/v1/devices/phone-1", headers=sam["headers"]).status_code == 404


def test_a_user_may_have_several_devices(client, accounts, app):
    alex = accounts.register()
    _register(client, alex, "phone")
    _register(client, alex, "tablet", "android")
    with app.app_context():
        assert len(db.session.scalars(select(Device)).all()) == 2


@pytest.mark.parametrize(
    "body", [{"platform": "windows", "token": "x"}, {"platform": "ios", "token": ""}]
)
def test_bad_device_bodies_are_422(client, accounts, body):
    response = client.post("/api/v1/devices", json=body, headers=accounts.register()["headers"])
    assert response.status_code == 422


def test_notification_preferences_live_on_me(client, accounts):
    sam = accounts.register()
    response = client.patch(
        "/api/v1/me",
        json={
            "notify_partner_checkins": False,
            "reminder_time": "20:30",
            "quiet_hours": {"start": "23:00", "end": "07:30"},
        },
        headers=sam["headers"],
    )
    assert response.status_code == 200
    me = client.get("/api/v1/me", headers=sam["headers"]).get_json()
    assert me["notify_partner_checkins"] is False
    assert me["reminder_time"] == "20:30"
    assert me["quiet_hours"] == {"start": "23:00", "end": "07:30"}
    cleared = client.patch(
        "/api/v1/me", json={"reminder_time": None, "quiet_hours": None}, headers=sam["headers"]
    ).get_json()
    assert cleared["reminder_time"] is None and cleared["quiet_hours"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"reminder_time": "25:00"},
        {"reminder_time": "8:00"},
        {"quiet_hours": {"start": "22:00"}},
        {"quiet_hours": {"start": "22:00", "end": "08:00", "extra": 1}},
        {"notify_partner_checkins": "yes"},
    ],
)
def test_bad_preferences_are_422(client, accounts, body):
    response = client.patch("/api/v1/me", json=body, headers=accounts.register()["headers"])
    assert response.status_code == 422


FCM_LIKE = "dQw4w9WgXcQ:APA91bH/abc+def/ghi_jkl-mnoPQR"  # FCM tokens may hold "/"


def _devices(client, user):
    response = client.get("/api/v1/devices", headers=user["headers"])
    assert response.status_code == 200
    return response.get_json()["items"]


def test_get_devices_lists_the_callers_phones_with_masked_tokens(client, accounts, clock):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    first = _register(client, alex, FCM_LIKE).get_json()
    clock.advance(minutes=1)
    _register(client, alex, "tablet-token-123456", "android")
    _register(client, sam, "sams-phone")

    items = _devices(client, alex)
    assert [d["token_ending"] for d in items] == ["123456", "mnoPQR"]
    assert set(items[0]) == {"id", "platform", "token_ending", "created_at", "last_seen_at"}
    assert items[1]["id"] == first["id"] and items[1]["platform"] == "ios"
    assert FCM_LIKE not in str(items)
    assert [d["token_ending"] for d in _devices(client, sam)] == ["-phone"]


def test_registering_again_keeps_the_device_and_refreshes_last_seen_at(client, accounts, clock):
    alex = accounts.register()
    first = _register(client, alex, FCM_LIKE).get_json()
    clock.advance(days=3)
    again = _register(client, alex, FCM_LIKE)
    assert again.status_code == 200
    body = again.get_json()
    assert body["id"] == first["id"] and body["created_at"] == first["created_at"]
    assert body["last_seen_at"] == clock.current.isoformat()
    assert _devices(client, alex)[0]["last_seen_at"] == clock.current.isoformat()


def test_a_token_moving_to_another_account_becomes_a_new_device(client, accounts):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    alexs = _register(client, alex, FCM_LIKE).get_json()
    sams = _register(client, sam, FCM_LIKE).get_json()
    assert sams["id"] != alexs["id"]
    assert _devices(client, alex) == []
    gone = client.delete("/api/v1/devices", json={"id": alexs["id"]}, headers=alex["headers"])
    assert gone.status_code == 404
    assert len(_devices(client, sam)) == 1


@pytest.mark.parametrize("by", ["token", "id"])
def test_delete_devices_takes_the_token_or_the_id_in_the_body(client, accounts, by):
    alex, kim = accounts.register("Alex"), accounts.register("Kim")
    device = _register(client, alex, FCM_LIKE).get_json()
    _register(client, alex, "other-phone")
    body = {"token": FCM_LIKE} if by == "token" else {"id": device["id"]}

    assert client.delete("/api/v1/devices", json=body, headers=kim["headers"]).status_code == 404
    assert client.delete("/api/v1/devices", json=body, headers=alex["headers"]).status_code == 204
    assert [d["token_ending"] for d in _devices(client, alex)] == ["-phone"]
    assert client.delete("/api/v1/devices", json=body, headers=alex["headers"]).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"token": "x", "id": "5b0c1c1e-2f6a-4a7e-9d4e-0b8c7f2a9e11"},
        {"id": "nope"},
        {"token": ""},
        {"phone": "x"},
    ],
)
def test_delete_devices_needs_exactly_one_of_token_or_id(client, accounts, body):
    alex = accounts.register()
    response = client.delete("/api/v1/devices", json=body, headers=alex["headers"])
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error"


def test_logout_with_a_device_token_removes_that_phone_of_the_caller(client, accounts, app):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    _register(client, alex, FCM_LIKE)
    _register(client, alex, "alexs-tablet")
    _register(client, sam, "sams-phone")
    other_login = client.post(
        "/api/v1/auth/login", json={"email": alex["email"], "password": "correct horse battery"}
    ).get_json()

    response = client.post(
        "/api/v1/auth/logout", json={"device_token": FCM_LIKE}, headers=alex["headers"]
    )
    assert response.status_code == 204
    assert client.get("/api/v1/me", headers=alex["headers"]).status_code == 401
    mine = client.get(
        "/api/v1/devices", headers={"Authorization": f"Bearer {other_login['access_token']}"}
    ).get_json()["items"]
    assert [d["token_ending"] for d in mine] == ["tablet"]

    # Someone else's token is left alone, and signing out still succeeds.
    kim = accounts.register("Kim")
    ignored = client.post(
        "/api/v1/auth/logout", json={"device_token": "sams-phone"}, headers=kim["headers"]
    )
    assert ignored.status_code == 204
    assert len(_devices(client, sam)) == 1
    with app.app_context():
        assert len(db.session.scalars(select(Device)).all()) == 2
