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
