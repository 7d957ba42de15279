"""What the hot paths skip, and what they must not: pings, signatures, transactions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask_jwt_extended import create_access_token, decode_token
from sqlalchemy import create_engine, event, text

from api.auth.tokens import VERIFIED_TOKENS_KEY
from models import db
from models.base import ping_only_after_idle
from tests.conftest import auth_headers, checkin


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pinged_engine(database_url, is_postgres):
    if not is_postgres:
        pytest.skip("SQLite has no server to lose; its connections are never pinged")
    engine = create_engine(database_url, pool_pre_ping=True, pool_size=1, max_overflow=0)
    pings = []
    real_ping = engine.dialect.do_ping

    def counting_ping(dbapi_connection):
        pings.append(dbapi_connection)
        return real_ping(dbapi_connection)

    engine.dialect.do_ping = counting_ping
    clock = Clock()
    ping_only_after_idle(engine, idle_seconds=1.0, clock=clock)
    yield engine, pings, clock
    engine.dispose()


def test_a_connection_returned_a_moment_ago_is_not_pinged_again(pinged_engine):
    engine, pings, clock = pinged_engine
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    clock.now += 0.5
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert pings == []


def test_an_idle_connection_is_pinged_and_a_dead_one_replaced(pinged_engine):
    engine, pings, clock = pinged_engine
    with engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    with create_engine(engine.url).connect() as admin:
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        admin.commit()
    clock.now += 5  # idle for longer than the window

    with engine.connect() as connection:  # the ping finds it dead; a fresh one is used
        new_pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    assert len(pings) == 1
    assert new_pid != pid


def test_a_remembered_token_is_refused_once_it_has_expired(app, client, accounts):
    alex = accounts.register("Alex")
    with app.app_context():
        expired = create_access_token(
            identity=alex["user"]["id"],
            additional_claims={"fam": decode_token(alex["access_token"])["fam"]},
            expires_delta=timedelta(seconds=-1),
        )
        claims = decode_token(expired, allow_expired=True)
    # As if this token had been verified while it was still valid.
    app.extensions.setdefault(VERIFIED_TOKENS_KEY, {})[expired] = claims

    response = client.get("/api/v1/me", headers=auth_headers(expired))
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_expired"
    assert expired not in app.extensions[VERIFIED_TOKENS_KEY]


def test_a_remembered_token_is_still_checked_for_revocation(client, accounts):
    alex = accounts.register("Alex")
    assert client.get("/api/v1/me", headers=alex["headers"]).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=alex["headers"]).status_code == 204
    response = client.get("/api/v1/me", headers=alex["headers"])
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_revoked"


def test_reads_run_without_a_transaction_and_writes_within_one(app, client, pair):
    alex, sam = pair()
    seen = []

    def record(connection, *_args):
        seen.append(connection.get_execution_options().get("isolation_level"))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        checkin(client, sam, tone="calm", energy=5)
        written = list(seen)
        seen.clear()
        page = client.get("/api/v1/checkins?author=both", headers=alex["headers"])
        read = list(seen)
    finally:
        event.remove(engine, "before_cursor_execute", record)

    assert page.status_code == 200
    assert len(page.get_json()["items"]) == 1
    assert written and "AUTOCOMMIT" not in written
    assert read and set(read) == {"AUTOCOMMIT"}
