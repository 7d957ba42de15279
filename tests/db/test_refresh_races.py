"""Two (or ten) refreshes racing from one phone with one token: one pair, nobody revoked."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from models import TokenFamily, db
from tests.conftest import Accounts, auth_headers


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("races are proven on PostgreSQL (set TEST_DATABASE_URL)")


def test_ten_simultaneous_refreshes_with_one_token_all_get_the_same_pair(make_app):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 12, "max_overflow": 2})
    sam = Accounts(app.test_client()).register("Sam")
    barrier = threading.Barrier(10)

    def refresh(_):
        client = app.test_client()
        barrier.wait()
        return client.post("/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"]))

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(refresh, range(10)))

    assert [r.status_code for r in responses] == [200] * 10
    pairs = {(r.get_json()["access_token"], r.get_json()["refresh_token"]) for r in responses}
    assert len(pairs) == 1
    ((access_token, refresh_token),) = pairs
    with app.app_context():
        (family,) = db.session.scalars(select(TokenFamily)).all()
        assert family.revoked_at is None
    client = app.test_client()
    assert client.get("/api/v1/me", headers=auth_headers(access_token)).status_code == 200
    again = client.post("/api/v1/auth/refresh", headers=auth_headers(refresh_token))
    assert again.status_code == 200
