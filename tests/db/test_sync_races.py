"""The sync feed under concurrency, on PostgreSQL with real connections.

A transaction that commits late must not be skipped by a reader that has already seen a
later one; check-ins in flight while two people pair or unpair reach exactly those who
could see them.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import Accounts, checkin


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("races are proven on PostgreSQL (set TEST_DATABASE_URL)")


@pytest.fixture
def raw(database_url):
    """A connection of its own, for a transaction the test holds open."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def _wait_until_blocked(database_url, what: str, timeout: float = 10.0) -> None:
    """Until a backend of this database waits on a lock while running `what`."""
    engine = create_engine(database_url)
    deadline = time.monotonic() + timeout
    try:
        with engine.connect() as watcher:
            while time.monotonic() < deadline:
                waiting = watcher.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND wait_event_type = 'Lock' AND query ILIKE :what"
                    ),
                    {"what": f"%{what}%"},
                ).scalar_one()
                if waiting:
                    return
                watcher.rollback()
                threading.Event().wait(0.01)
    finally:
        engine.dispose()
    raise AssertionError(f"nothing waited on a lock running {what!r}")


def _start(client, user):
    return client.get("/api/v1/sync", headers=user["headers"]).get_json()["next_cursor"]


def _sync(client, user, cursor):
    response = client.get(f"/api/v1/sync?since={cursor}", headers=user["headers"])
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _insert_checkin(raw, author_id: uuid.UUID, later: timedelta = timedelta(0)) -> uuid.UUID:
    checkin_id, now = uuid.uuid4(), datetime.now(UTC)
    raw.execute(
        text(
            "INSERT INTO checkins (id, author_id, tone, energy, visibility, recorded_at,"
            " created_at, request_hash) VALUES (:id, :author, 'calm', 4, 'partner', :recorded,"
            " :at, 'x')"
        ),
        {"id": checkin_id, "author": author_id, "recorded": now + later, "at": now},
    )
    return checkin_id


def _ids(page):
    return [(c["type"], c["id"]) for c in page["changes"]]


def test_a_change_committed_late_is_held_back_never_skipped(client, pair, raw):
    alex, sam = pair()
    cursor = _start(client, alex)
    # Its transaction began first. Recorded in another quarter hour (a raw insert may):
    # two posts of one author into the same quarter take turns on that quarter's totals
    # (migration 0012), so the second would wait for this one instead of committing first.
    late = _insert_checkin(raw, uuid.UUID(sam["user"]["id"]), later=timedelta(minutes=20))
    early = checkin(client, sam, tone="sad", energy=2)  # committed first

    held = _sync(client, alex, cursor)
    assert held["changes"] == [] and held["has_more"] is False
    raw.commit()

    page = _sync(client, alex, held["next_cursor"])
    assert _ids(page) == [("checkin", str(late)), ("checkin", early["id"])]


def test_a_check_in_posted_during_a_pairing_waits_and_reaches_the_new_partner(
    make_app, database_url, raw
):
    app = make_app()
    client = app.test_client()
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    alex_id, sam_id = uuid.UUID(alex["user"]["id"]), uuid.UUID(sam["user"]["id"])
    cursor = _start(client, alex)

    # A pairing in flight, as redeem() does it: both people locked, then the couple.
    raw.execute(
        text("SELECT id FROM users WHERE id IN (:a, :b) ORDER BY id FOR UPDATE"),
        {"a": alex_id, "b": sam_id},
    )
    couple_id = uuid.uuid4()
    raw.execute(
        text("INSERT INTO couples (id, paired_at) VALUES (:id, :at)"),
        {"id": couple_id, "at": datetime.now(UTC)},
    )
    for user_id in sorted((alex_id, sam_id)):
        raw.execute(
            text("INSERT INTO couple_members (couple_id, user_id, active) VALUES (:c, :u, true)"),
            {"c": couple_id, "u": user_id},
        )

    with ThreadPoolExecutor(max_workers=1) as pool:
        posting = pool.submit(
            lambda: app.test_client().post(
                "/api/v1/checkins", json={"tone": "happy", "energy": 7}, headers=sam["headers"]
            )
        )
        _wait_until_blocked(database_url, "INSERT INTO checkins")
        raw.commit()
        posted = posting.result(timeout=10)

    assert posted.status_code == 201
    ids = _ids(_sync(client, alex, cursor))
    assert ("couple", str(couple_id)) in ids
    assert ("checkin", posted.get_json()["id"]) in ids
    page = client.get("/api/v1/checkins?author=partner", headers=alex["headers"]).get_json()
    assert [c["id"] for c in page["items"]] == [posted.get_json()["id"]]


def test_a_pairing_waits_for_a_check_in_in_flight_which_stays_before_it(
    make_app, database_url, raw
):
    app = make_app()
    client = app.test_client()
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    cursor = _start(client, alex)
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    in_flight = _insert_checkin(raw, uuid.UUID(sam["user"]["id"]))

    with ThreadPoolExecutor(max_workers=1) as pool:
        pairing = pool.submit(
            lambda: app.test_client().post(
                "/api/v1/couple", json={"code": code}, headers=sam["headers"]
            )
        )
        _wait_until_blocked(database_url, "FOR UPDATE")
        raw.commit()
        paired = pairing.result(timeout=10)

    assert paired.status_code == 201
    recorded_at = raw.execute(
        text("SELECT recorded_at FROM checkins WHERE id = :id"), {"id": in_flight}
    ).scalar_one()
    assert recorded_at < datetime.fromisoformat(paired.get_json()["paired_at"])
    assert str(in_flight) not in str(_sync(client, alex, cursor))


def test_an_unpairing_waits_for_a_check_in_in_flight_and_the_ex_hears_it_removed(
    make_app, database_url, raw
):
    app = make_app()
    client = app.test_client()
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    cursor = _start(client, alex)
    in_flight = _insert_checkin(raw, uuid.UUID(sam["user"]["id"]))

    with ThreadPoolExecutor(max_workers=1) as pool:
        unpairing = pool.submit(
            lambda: app.test_client().delete("/api/v1/couple", headers=alex["headers"])
        )
        _wait_until_blocked(database_url, "UPDATE couple_members")
        raw.commit()
        assert unpairing.result(timeout=10).status_code == 204

    ids = _ids(_sync(client, alex, cursor))
    assert ("checkin_removed", str(in_flight)) in ids
    assert ("checkin", str(in_flight)) not in ids
