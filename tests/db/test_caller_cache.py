"""Token checks kept in each worker's memory, and kept true by PostgreSQL notifications.

Two apps on one database stand for two gunicorn workers: what one of them changes, the
other must notice before its next request, whatever path made the change.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import text

from api.auth.caller import load_caller
from api.auth.caller_cache import MAX_AGE_SECONDS, CallerCache, caller_cache
from models import db
from tests.conftest import Accounts

pytestmark = pytest.mark.usefixtures("database_url")


@pytest.fixture
def postgres_only(is_postgres: bool) -> None:
    if not is_postgres:
        pytest.skip("workers learn of changes through PostgreSQL's LISTEN/NOTIFY")


def _cache(app) -> CallerCache:
    with app.app_context():
        cache = caller_cache()
    assert cache is not None
    return cache


def _news_reaches(app, change) -> None:
    """Make `change`, then wait (at most 5 s) until the app's worker has heard of it."""
    cache = _cache(app)
    assert cache._listener is not None, "the worker is not listening"
    before = cache.version
    change()
    assert cache.wait_for_change(before, timeout=5), "no notification arrived within 5 s"


def test_sqlite_keeps_no_callers_in_memory(app, is_postgres):
    if is_postgres:
        pytest.skip("on PostgreSQL callers are kept")
    with app.app_context():
        assert caller_cache() is None


def test_a_repeated_token_check_costs_no_query(postgres_only, client, accounts, count_statements):
    alex = accounts.register("Alex")
    first = count_statements(lambda: client.get("/api/v1/me", headers=alex["headers"]))
    again = count_statements(lambda: client.get("/api/v1/me", headers=alex["headers"]))
    assert first.count == 1
    assert again.count == 0
    response = client.get("/api/v1/me", headers=alex["headers"])
    assert response.status_code == 200
    assert response.get_json()["display_name"] == "Alex"


def test_signing_out_in_one_worker_ends_the_token_in_another(postgres_only, make_app, app):
    other = make_app().test_client()
    client = app.test_client()
    headers = Accounts(client).register("Alex")["headers"]
    assert other.get("/api/v1/me", headers=headers).status_code == 200  # now remembered

    signed_out = []
    _news_reaches(
        other.application,
        lambda: signed_out.append(client.post("/api/v1/auth/logout", headers=headers)),
    )
    assert signed_out[0].status_code == 204

    response = other.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_revoked"


def test_unpairing_in_one_worker_is_seen_by_the_partners_worker(
    postgres_only, make_app, app, client, pair
):
    alex, sam = pair()
    other = make_app().test_client()
    assert other.get("/api/v1/couple", headers=sam["headers"]).status_code == 200

    unpaired = []
    _news_reaches(
        other.application,
        lambda: unpaired.append(client.delete("/api/v1/couple", headers=alex["headers"])),
    )
    assert unpaired[0].status_code == 204

    response = other.get("/api/v1/couple", headers=sam["headers"])
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_paired"


def test_a_change_made_outside_the_api_reaches_every_worker(postgres_only, app, accounts, client):
    alex = accounts.register("Alex")
    assert client.get("/api/v1/me", headers=alex["headers"]).get_json()["display_name"] == "Alex"

    def rename():
        with app.app_context():
            db.session.execute(
                text("UPDATE users SET display_name = 'Alexandra' WHERE id = :id"),
                {"id": uuid.UUID(alex["user"]["id"])},
            )
            db.session.commit()

    _news_reaches(app, rename)

    assert client.get("/api/v1/me", headers=alex["headers"]).get_json()["display_name"] == (
        "Alexandra"
    )


def test_a_worker_that_lost_its_listener_asks_the_database(
    postgres_only, app, accounts, client, count_statements
):
    alex = accounts.register("Alex")
    client.get("/api/v1/me", headers=alex["headers"])
    cache = _cache(app)
    listener = cache._listener
    assert listener is not None
    before = cache.version
    with app.app_context():
        db.session.execute(
            text("SELECT pg_terminate_backend(:pid)"), {"pid": listener.info.backend_pid}
        )
        db.session.commit()
    assert cache.wait_for_change(before, timeout=5)  # the worker noticed and forgot
    assert cache._listener is None

    counted = count_statements(lambda: client.get("/api/v1/me", headers=alex["headers"]))
    assert counted.count == 1  # asked the database, did not trust what it remembered
    assert client.get("/api/v1/me", headers=alex["headers"]).status_code == 200


def test_an_entry_is_not_trusted_past_its_maximum_age(postgres_only, app, accounts):
    alex = accounts.register("Alex")
    now = [1000.0]
    with app.app_context():
        url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        cache = CallerCache(url, clock=lambda: now[0])
        with app.test_request_context("/"):
            user_id = uuid.UUID(alex["user"]["id"])
            family_id = db.session.execute(
                text("SELECT id FROM token_families WHERE user_id = :id"), {"id": user_id}
            ).scalar_one()
            caller = load_caller(user_id, family_id)
        assert caller is not None
        remembered, version = cache.get(user_id, family_id)  # starts listening
        assert remembered is None
        cache.put(family_id, caller, version)
        assert cache.get(user_id, family_id)[0] == caller
        now[0] += MAX_AGE_SECONDS + 1
        assert cache.get(user_id, family_id)[0] is None
        cache.close()


def test_a_caller_loaded_before_a_change_is_not_remembered_after_it(postgres_only, app, accounts):
    """Two threads of one worker: one loads Alex, the other forgets Alex meanwhile."""
    alex = accounts.register("Alex")
    user_id = uuid.UUID(alex["user"]["id"])
    with app.app_context():
        url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        family_id = db.session.execute(
            text("SELECT id FROM token_families WHERE user_id = :id"), {"id": user_id}
        ).scalar_one()
        with app.test_request_context("/"):
            loaded_before_the_change = load_caller(user_id, family_id)
    assert loaded_before_the_change is not None
    cache = CallerCache(url)
    _, version = cache.get(user_id, family_id)
    cache.forget(user_id)  # the other thread's news, read before this load is stored
    cache.put(family_id, loaded_before_the_change, version)
    assert cache.get(user_id, family_id)[0] is None
    cache.close()


def test_a_rolled_back_change_sends_no_news(postgres_only, app, accounts):
    alex = accounts.register("Alex")
    sam = accounts.register("Sam")
    with app.app_context():
        url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute("LISTEN attune_callers")
        with app.app_context():
            rename = text("UPDATE users SET display_name = 'Renamed' WHERE id = :id")
            db.session.execute(rename, {"id": uuid.UUID(alex["user"]["id"])})
            db.session.rollback()
            # Notifications arrive in commit order: once Sam's is here, Alex's never will.
            db.session.execute(rename, {"id": uuid.UUID(sam["user"]["id"])})
            db.session.commit()
        news = next(listener.notifies(timeout=5, stop_after=1))
        assert news.payload == sam["user"]["id"]
        assert list(listener.notifies(timeout=0)) == []


def test_remembering_callers_can_be_turned_off(postgres_only, make_app):
    app = make_app(REMEMBER_CALLERS=False)
    with app.app_context():
        assert caller_cache() is None


def test_workers_can_listen_somewhere_else_than_the_pool_connects(postgres_only, make_app):
    # e.g. DATABASE_URL through PgBouncer, DATABASE_LISTEN_URL to PostgreSQL itself
    app = make_app(DATABASE_LISTEN_URL="postgresql://listener@db.internal:5432/attune")
    with app.app_context():
        cache = caller_cache()
    assert cache is not None
    assert cache._conninfo == "postgresql://listener@db.internal:5432/attune"


def test_a_worker_nobody_calls_still_reads_its_notifications(postgres_only, make_app, app):
    """Unread notifications would pile up in PostgreSQL's queue until commits fail."""
    client = app.test_client()
    idle = make_app()
    headers = Accounts(client).register("Alex")["headers"]
    assert idle.test_client().get("/api/v1/me", headers=headers).status_code == 200
    cache = _cache(idle)
    before = cache.version

    assert client.patch("/api/v1/me", json={"display_name": "Al"}, headers=headers).status_code == (
        200
    )
    # No request reaches the idle worker: only its listening thread can have read this.
    assert cache.wait_for_change(before, timeout=5)
    assert cache._listener is not None


@pytest.fixture
def deaf_worker(postgres_only, database_url, make_app):
    """A worker that listens on another database: it hears none of this one's news, so
    whatever it forgets, its own writes made it forget."""
    deaf = make_app(DATABASE_LISTEN_URL=database_url.rsplit("/", 1)[0] + "/postgres")
    return deaf.test_client()


def test_a_worker_sees_its_own_writes_without_waiting_for_news(deaf_worker):
    accounts = Accounts(deaf_worker)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    assert deaf_worker.get("/api/v1/me", headers=alex["headers"]).status_code == 200
    renamed = deaf_worker.patch(
        "/api/v1/me", json={"display_name": "Alexandra"}, headers=alex["headers"]
    )
    assert renamed.status_code == 200
    me = deaf_worker.get("/api/v1/me", headers=alex["headers"]).get_json()
    assert me["display_name"] == "Alexandra"

    code = deaf_worker.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    assert deaf_worker.get("/api/v1/couple", headers=alex["headers"]).status_code == 404
    redeemed = deaf_worker.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    assert redeemed.status_code == 201
    assert deaf_worker.get("/api/v1/couple", headers=alex["headers"]).status_code == 200

    assert deaf_worker.delete("/api/v1/couple", headers=sam["headers"]).status_code == 204
    assert deaf_worker.get("/api/v1/couple", headers=alex["headers"]).status_code == 404

    assert deaf_worker.post("/api/v1/auth/logout", headers=alex["headers"]).status_code == 204
    assert deaf_worker.get("/api/v1/me", headers=alex["headers"]).status_code == 401
