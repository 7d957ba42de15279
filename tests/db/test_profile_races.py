"""Two phones changing the profile from the same ETag at once: one wins, one is told."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import Accounts


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("races are proven on PostgreSQL (set TEST_DATABASE_URL)")


def test_two_patches_from_one_etag_at_once_end_in_one_200_and_one_412(make_app):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 4, "max_overflow": 2})
    sam = Accounts(app.test_client()).register("Sam")
    for round_ in range(5):
        etag = app.test_client().get("/api/v1/me", headers=sam["headers"]).headers["ETag"]
        barrier = threading.Barrier(2)

        def patch(name, etag=etag, barrier=barrier):
            client = app.test_client()
            barrier.wait()
            return client.patch(
                "/api/v1/me",
                json={"display_name": name},
                headers={**sam["headers"], "If-Match": etag},
            )

        with ThreadPoolExecutor(max_workers=2) as pool:
            responses = list(pool.map(patch, [f"phone {round_}", f"tablet {round_}"]))

        assert sorted(r.status_code for r in responses) == [200, 412]
        (winner,) = [r for r in responses if r.status_code == 200]
        me = app.test_client().get("/api/v1/me", headers=sam["headers"]).get_json()
        assert me["display_name"] == winner.get_json()["display_name"]
