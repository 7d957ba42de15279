"""The delivery worker against a local FCM stand-in, and the daily reminders."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from api.notifications.fcm import LogSender
from api.notifications.worker import deliver_pass, enqueue_reminders
from models import Device, Notification, db
from tests.conftest import Accounts, checkin

NOON_UTC = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 13:00 in Berlin: not quiet


@pytest.fixture(autouse=True)
def _written_before_noon(app):
    # Notifications are due from when they were written: pin that, rather than depend on
    # the real clock being before NOON_UTC.
    app.config["CLOCK"] = lambda: NOON_UTC - timedelta(hours=1)


def _couple_with_phone(app, client, token="alex-phone", timezone="Europe/Berlin"):
    accounts = Accounts(client)
    alex = accounts.register("Alex", timezone=timezone)
    sam = accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    client.post(
        "/api/v1/devices", json={"platform": "ios", "token": token}, headers=alex["headers"]
    )
    return alex, sam


def _rows(app):
    with app.app_context():
        return {r.kind: r for r in db.session.scalars(select(Notification))}


def _pass(app, sender, now):
    with app.app_context():
        return deliver_pass(sender, now)


def test_due_notifications_are_sent_through_fcm_v1(client, app, fcm, fcm_sender):
    _, sam = _couple_with_phone(app, client)
    checkin(client, sam, tone="overwhelmed", energy=2, note="secret note")
    report = _pass(app, fcm_sender, NOON_UTC)
    assert report.sent == 2  # "you're paired" and the check-in
    bodies = [m["notification"]["body"] for m in fcm.delivered]
    assert "Sam checked in: feeling overwhelmed, energy 2. Open for how to meet them." in bodies
    assert all(m["token"] == "alex-phone" for m in fcm.delivered)
    assert all("secret note" not in str(m) for m in fcm.delivered)
    assert fcm.token_requests == 1  # the OAuth token is reused
    row = _rows(app)["partner_checkin"]
    assert row.status == "sent" and row.sent_at == NOON_UTC and row.attempts == 1
    assert _pass(app, fcm_sender, NOON_UTC).sent == 0  # nothing is sent twice


def test_a_5xx_is_retried_with_backoff_then_sent(client, app, fcm, fcm_sender):
    _couple_with_phone(app, client)
    fcm.script["alex-phone"] = ["unavailable"]
    first = _pass(app, fcm_sender, NOON_UTC)
    assert first.retrying == 1
    row = _rows(app)["paired"]
    assert row.status == "pending" and row.next_attempt_at == NOON_UTC + timedelta(seconds=30)
    assert "503" in row.last_error
    assert _pass(app, fcm_sender, NOON_UTC + timedelta(seconds=10)).sent == 0  # not yet due
    assert _pass(app, fcm_sender, NOON_UTC + timedelta(seconds=31)).sent == 1
    assert _rows(app)["paired"].status == "sent"


def test_a_timeout_is_retried(client, app, fcm, fcm_sender):
    _couple_with_phone(app, client)
    fcm.script["alex-phone"] = ["hang"]
    assert _pass(app, fcm_sender, NOON_UTC).retrying == 1
    assert "unreachable" in _rows(app)["paired"].last_error


def test_an_unregistered_token_drops_the_device_and_fails_the_row(client, app, fcm, fcm_sender):
    _couple_with_phone(app, client)
    fcm.script["alex-phone"] = ["gone"]
    report = _pass(app, fcm_sender, NOON_UTC)
    assert (report.failed, report.devices_dropped) == (1, 1)
    assert _rows(app)["paired"].status == "failed"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Device)) == 0


def test_quiet_hours_defer_in_the_recipient_s_time_zone(client, app, fcm, fcm_sender):
    _couple_with_phone(app, client, timezone="Asia/Tokyo")
    late_in_tokyo = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # 23:00 in Tokyo
    report = _pass(app, fcm_sender, late_in_tokyo)
    assert report.deferred == 1 and fcm.delivered == []
    row = _rows(app)["paired"]
    assert row.status == "pending"
    assert row.next_attempt_at == datetime(2026, 11, 30, 23, 0, tzinfo=UTC)  # 08:00 in Tokyo
    assert _pass(app, fcm_sender, datetime(2026, 11, 30, 23, 0, tzinfo=UTC)).sent == 1


def test_without_a_device_the_row_fails_and_says_why(client, app, fcm_sender):
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    assert _pass(app, fcm_sender, NOON_UTC).failed == 1
    assert _rows(app)["paired"].last_error == "no registered device"


def test_without_fcm_configured_notifications_are_logged_not_sent(client, app, caplog):
    caplog.set_level(logging.INFO)
    _, sam = _couple_with_phone(app, client)
    checkin(client, sam, note="never in a log")
    assert _pass(app, LogSender(), NOON_UTC).sent == 2
    assert "push not configured" in caplog.text
    assert "never in a log" not in caplog.text and "alex-phone" not in caplog.text


def test_the_cli_delivers_one_pass(client, fcm_app, fcm):
    fcm_client = fcm_app.test_client()
    fcm_app.config["CLOCK"] = lambda: NOON_UTC - timedelta(hours=1)
    _couple_with_phone(fcm_app, fcm_client)
    fcm_app.config["CLOCK"] = lambda: NOON_UTC
    result = fcm_app.test_cli_runner().invoke(args=["notifications", "deliver"])
    assert result.exit_code == 0, result.output
    assert "sent 1" in result.output
    assert len(fcm.delivered) == 1


def test_reminders_are_enqueued_once_a_day_for_who_has_not_checked_in(client, app):
    accounts = Accounts(client)
    alex, sam, kim = (
        accounts.register("Alex", timezone="Europe/Berlin"),
        accounts.register("Sam"),
        accounts.register("Kim"),
    )
    for user in (alex, sam, kim):
        client.patch("/api/v1/me", json={"reminder_time": "20:30"}, headers=user["headers"])
    app.config["CLOCK"] = lambda: datetime(2026, 11, 30, 20, 35, tzinfo=UTC)  # Sam, Kim: UTC
    checkin(client, kim, recorded_at="2026-11-30T09:00:00Z")
    at = datetime(2026, 11, 30, 20, 35, tzinfo=UTC)  # 21:35 in Berlin: Alex's hour has passed
    with app.app_context():
        assert enqueue_reminders(at) == 1  # Sam; Kim checked in; Alex is past the window
        assert enqueue_reminders(at + timedelta(minutes=10)) == 0
        rows = db.session.scalars(select(Notification).where(Notification.kind == "reminder")).all()
    assert [str(r.user_id) for r in rows] == [sam["user"]["id"]]
    assert rows[0].dedupe_key == "reminder:2026-11-30"


def test_two_workers_at_once_deliver_each_notification_exactly_once(
    make_app, is_postgres, fcm, fcm_sender
):
    if not is_postgres:
        pytest.skip("row locking with SKIP LOCKED is proven on PostgreSQL")
    app = make_app()
    app.config["CLOCK"] = lambda: NOON_UTC - timedelta(hours=1)
    client = app.test_client()
    _, sam = _couple_with_phone(app, client)
    for _ in range(30):
        checkin(client, sam, energy=3)
    barrier = threading.Barrier(2)
    reports = []

    def worker():
        sender = type(fcm_sender)("attune-test", fcm.credentials(), fcm.base_url, timeout=2)
        with app.app_context():
            barrier.wait()
            reports.append(deliver_pass(sender, NOON_UTC))
            db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    sent_ids = [m["data"]["notification_id"] for m in fcm.delivered]
    assert len(sent_ids) == 31 and len(set(sent_ids)) == 31
    assert sum(r.sent for r in reports) == 31


def test_the_cli_enqueues_reminders(client, app):
    sam = Accounts(client).register("Sam")
    client.patch("/api/v1/me", json={"reminder_time": "20:30"}, headers=sam["headers"])
    app.config["CLOCK"] = lambda: datetime(2026, 11, 30, 20, 31, tzinfo=UTC)
    result = app.test_cli_runner().invoke(args=["notifications", "remind"])
    assert result.exit_code == 0, result.output
    assert "enqueued 1 reminders" in result.output
