"""Redemption races, for real: threads, each with its own PostgreSQL connection."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from models import Couple, CoupleMember, db
from tests.conftest import Accounts


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("races are proven on PostgreSQL (set TEST_DATABASE_URL)")


def _race(app, calls):
    """Run every (user, code) redemption at the same instant; return their status codes."""
    barrier = threading.Barrier(len(calls))

    def redeem(call):
        user, code = call
        client = app.test_client()
        barrier.wait()
        return client.post("/api/v1/couple", json={"code": code}, headers=user["headers"])

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return [r.status_code for r in pool.map(redeem, calls)]


def _assert_nobody_half_paired(app):
    with app.app_context():
        per_couple = db.session.execute(
            select(CoupleMember.couple_id, func.count())
            .where(CoupleMember.active.is_(True))
            .group_by(CoupleMember.couple_id)
        ).all()
        assert all(count == 2 for _, count in per_couple), per_couple
        per_user = db.session.execute(
            select(CoupleMember.user_id, func.count())
            .where(CoupleMember.active.is_(True))
            .group_by(CoupleMember.user_id)
        ).all()
        assert all(count == 1 for _, count in per_user), per_user


def test_twenty_simultaneous_redemptions_of_one_code_make_exactly_one_couple(make_app):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 25, "max_overflow": 5})
    accounts = Accounts(app.test_client())
    alex = accounts.register("Alex")
    code = app.test_client().post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    redeemers = [accounts.register(f"R{i}") for i in range(20)]

    statuses = _race(app, [(user, code) for user in redeemers])

    assert sorted(statuses) == [201] + [404] * 19
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Couple)) == 1
    _assert_nobody_half_paired(app)


def test_two_users_redeeming_each_others_codes_at_once_end_in_one_couple(make_app):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 4, "max_overflow": 2})
    client = app.test_client()
    accounts = Accounts(client)
    for round_ in range(10):
        a, b = accounts.register(f"A{round_}"), accounts.register(f"B{round_}")
        code_a = client.post("/api/v1/invites", headers=a["headers"]).get_json()["code"]
        code_b = client.post("/api/v1/invites", headers=b["headers"]).get_json()["code"]

        statuses = _race(app, [(a, code_b), (b, code_a)])

        # They queue on their invites: the second finds its code withdrawn by the pairing.
        assert sorted(statuses) == [201, 404], statuses
        couple_ids = {
            client.get("/api/v1/me", headers=u["headers"]).get_json()["couple_id"] for u in (a, b)
        }
        assert len(couple_ids) == 1 and None not in couple_ids
    _assert_nobody_half_paired(app)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Couple)) == 10


def test_an_old_code_raced_against_its_creator_pairing_elsewhere_is_spent_either_way(make_app):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 4, "max_overflow": 2})
    client = app.test_client()
    accounts = Accounts(client)
    for round_ in range(10):
        eve, fay, gus, hal = (accounts.register(f"{n}{round_}") for n in ("E", "F", "G", "H"))
        eve_code = client.post("/api/v1/invites", headers=eve["headers"]).get_json()["code"]
        fay_code = client.post("/api/v1/invites", headers=fay["headers"]).get_json()["code"]

        statuses = _race(app, [(eve, fay_code), (gus, eve_code)])

        assert statuses.count(201) == 1, statuses
        client.delete("/api/v1/couple", headers=eve["headers"])
        late = client.post("/api/v1/couple", json={"code": eve_code}, headers=hal["headers"])
        assert late.status_code == 404, late.get_json()
    _assert_nobody_half_paired(app)
