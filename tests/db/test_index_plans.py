"""The hot statements are served by their indexes on PostgreSQL: the plans say so."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, text

from api.checkins.pages import _page_statement
from api.sync.feed import _page_statement as _feed_page_statement
from models import Change, CheckIn, User, db


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("plans are read on PostgreSQL (set TEST_DATABASE_URL)")


def _seed_checkins(authors: list[uuid.UUID], per_author: int) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    db.session.execute(
        insert(User),
        [
            {"id": a, "email": f"{a}@example.com", "password_hash": "x", "display_name": "P"}
            for a in authors
        ],
    )
    rows = []
    for a in authors:
        for i in range(per_author):
            deleted = i % 3 == 0
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "author_id": a,
                    "tone": None if deleted else "calm",
                    "energy": None if deleted else 4,
                    "visibility": "partner",
                    "recorded_at": start + timedelta(minutes=i),
                    "created_at": start + timedelta(minutes=i),
                    "request_hash": "",
                    "deleted_at": start if deleted else None,
                }
            )
    db.session.execute(insert(CheckIn), rows)
    db.session.commit()
    db.session.execute(text("ANALYZE checkins"))


def _explain(statement, params: dict) -> str:
    compiled = statement.compile(dialect=db.engine.dialect)
    rows = db.session.connection().exec_driver_sql(
        "EXPLAIN " + str(compiled), compiled.construct_params(params)
    )
    return "\n".join(row[0] for row in rows)


SHAPES = [("me", False), ("me", True), ("partner", False), ("both", True)]


def test_pages_of_live_check_ins_are_ordered_ranges_of_the_author_index(app):
    authors = [uuid.uuid4() for _ in range(10)]
    params = {
        "me": authors[0],
        "partner": authors[1],
        "paired_at": datetime(2026, 1, 1, tzinfo=UTC),
        "page_size": 21,
        "after_at": datetime(2026, 1, 2, tzinfo=UTC),
        "after_id": uuid.uuid4(),
    }
    with app.app_context():
        _seed_checkins(authors, 2000)
        plans = {
            shape: _explain(_page_statement(shape[0], True, shape[1]), params) for shape in SHAPES
        }

    for plan in plans.values():
        scans = [line for line in plan.splitlines() if " on checkins" in line]
        assert scans, plan
        for scan in scans:
            assert "Scan Backward using ix_checkins_author_recorded" in scan, plan
        conditions = [
            line for line in plan.splitlines() if "Index Cond" in line and "author_id" in line
        ]
        assert conditions and all("deleted_at IS NULL" in line for line in conditions), plan


def test_a_sync_page_is_one_range_of_the_readers_index(app):
    readers = [uuid.uuid4() for _ in range(20)]
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with app.app_context():
        db.session.execute(
            insert(User),
            [
                {"id": r, "email": f"{r}@example.com", "password_hash": "x", "display_name": "R"}
                for r in readers
            ],
        )
        db.session.execute(
            insert(Change),
            [
                {"user_id": r, "kind": "checkin", "entity_id": uuid.uuid4(), "at": at}
                for r in readers
                for _ in range(1000)
            ],
        )
        db.session.commit()
        db.session.execute(text("ANALYZE changes"))
        plan = _explain(
            _feed_page_statement(True),
            {"me": readers[0], "after_txid": 0, "after_seq": 10, "below": 2**62, "page_size": 101},
        )

    assert "Index Scan using ix_changes_reader on changes" in plan, plan
    assert "Sort" not in plan and "Filter" not in plan and "Bitmap" not in plan, plan
    (condition,) = [line for line in plan.splitlines() if "Index Cond" in line]
    assert "user_id =" in condition and "ROW(txid, seq) >" in condition, plan
    assert "txid <" in condition, plan
