"""Offline retries arriving at once: one check-in, every retry answered with it."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from models import CheckIn, db
from tests.conftest import Accounts


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("races are proven on PostgreSQL (set TEST_DATABASE_URL)")


def _at_once(app, n, request):
    barrier = threading.Barrier(n)

    def call(_):
        client = app.test_client()
        barrier.wait()
        return request(client)

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(call, range(n)))


@pytest.mark.parametrize("via", ["id", "idempotency_key"])
def test_ten_simultaneous_retries_store_one_check_in(make_app, via):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 12, "max_overflow": 2})
    sam = Accounts(app.test_client()).register("Sam")
    checkin_id = str(uuid.uuid4())
    body = {"tone": "anxious", "energy": 7}
    headers = dict(sam["headers"])
    if via == "id":
        body["id"] = checkin_id
    else:
        headers["Idempotency-Key"] = checkin_id

    responses = _at_once(
        app, 10, lambda client: client.post("/api/v1/checkins", json=body, headers=headers)
    )

    assert sorted(r.status_code for r in responses) == [200] * 9 + [201]
    assert len({r.get_json()["id"] for r in responses}) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 1
