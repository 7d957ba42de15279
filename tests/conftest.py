"""Fixtures: a migrated database (SQLite file, or TEST_DATABASE_URL), an app per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask, request_finished
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text

from api import create_app
from api.config import TestConfig
from models import db
from tests.auth.fake_providers import FakeProviders
from tests.documented import observe

# Every answer of every app the tests build is held against /openapi.json (tests/documented.py);
# tests/test_documented_answers.py, run last, reports what did not match.
request_finished.connect(observe)

PASSWORD = "correct horse battery"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `runs_last` run after every other (they read what the others saw)."""
    items.sort(key=lambda item: item.get_closest_marker("runs_last") is not None)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "attune-test.sqlite")
    app = create_app(TestConfig(url))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture(scope="session")
def is_postgres(database_url: str) -> bool:
    return database_url.startswith("postgresql")


def _empty_every_table(is_postgres: bool) -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as connection:
        if is_postgres:
            connection.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))
        else:
            for table in tables:
                connection.execute(text(f"DELETE FROM {table}"))  # noqa: S608 - our own names


@pytest.fixture
def make_app(database_url: str, is_postgres: bool) -> Iterator[Callable[..., Flask]]:
    """Build an app on the test database, with config overrides; cleaned up after the test."""
    apps: list[Flask] = []

    def build(**overrides: Any) -> Flask:
        app = create_app(TestConfig(database_url, **overrides))
        apps.append(app)
        return app

    yield build
    for app in apps:
        with app.app_context():
            db.session.remove()
            if app is apps[0]:
                _empty_every_table(is_postgres)
            db.engine.dispose()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def auth_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class Accounts:
    """Registers users through the API, the way the app does."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def register(
        self, name: str = "Sam", *, email: str | None = None, timezone: str = "UTC"
    ) -> dict[str, Any]:
        email = email or f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
        response = self.client.post(
            "/api/v1/auth/register",
            json={
                "email": email,
                "password": PASSWORD,
                "display_name": name,
                "timezone": timezone,
            },
        )
        assert response.status_code == 201, response.get_json()
        body = response.get_json()
        body["email"] = email
        body["headers"] = auth_headers(body["access_token"])
        return body


@pytest.fixture
def accounts(client: FlaskClient) -> Accounts:
    return Accounts(client)


class Clock:
    """A settable clock for `app.config["CLOCK"]`: time moves only when a test moves it."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock(app: Flask) -> Clock:
    frozen = Clock(datetime.now(UTC).replace(microsecond=0))
    app.config["CLOCK"] = frozen
    return frozen


@pytest.fixture
def pair(client: FlaskClient, accounts: Accounts) -> Callable[..., tuple[dict, dict]]:
    """Register two users and pair them through the API: returns (inviter, redeemer)."""

    def make(first: str = "Alex", second: str = "Sam", **kwargs: Any) -> tuple[dict, dict]:
        inviter = accounts.register(first, timezone=kwargs.get("first_timezone", "UTC"))
        redeemer = accounts.register(second, timezone=kwargs.get("second_timezone", "UTC"))
        code = client.post("/api/v1/invites", headers=inviter["headers"]).get_json()["code"]
        response = client.post("/api/v1/couple", json={"code": code}, headers=redeemer["headers"])
        assert response.status_code == 201, response.get_json()
        couple = response.get_json()
        inviter["couple_id"] = redeemer["couple_id"] = couple["id"]
        return inviter, redeemer

    return make


def checkin(client: FlaskClient, user: dict, **fields: Any) -> dict:
    """Post a check-in through the API and return it (201 expected)."""
    body = {"tone": "overwhelmed", "energy": 3, **fields}
    response = client.post("/api/v1/checkins", json=body, headers=user["headers"])
    assert response.status_code == 201, response.get_json()
    return response.get_json()


class StatementCounter:
    """Counts the SQL statements an app sends, as seen by SQLAlchemy."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements(app: Flask) -> Callable[[Callable[[], Any]], StatementCounter]:
    from sqlalchemy import event

    def run(action: Callable[[], Any]) -> StatementCounter:
        counter = StatementCounter()
        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", counter)
        try:
            action()
        finally:
            event.remove(engine, "before_cursor_execute", counter)
        return counter

    return run


@pytest.fixture
def providers() -> Iterator[FakeProviders]:
    """A stand-in for Apple and Google on loopback (see tests/auth/fake_providers.py)."""
    with FakeProviders() as fake:
        yield fake


@pytest.fixture
def provider_app(make_app: Callable[..., Flask], providers: FakeProviders, tmp_path: Any) -> Flask:
    """An app with both providers configured against the stand-in."""
    return make_app(**providers.config(tmp_path))
