"""The rule of what a partner sees, in SQL and in Python, says the same of every case."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from api.couples.pairing import Pairing, Partner
from api.couples.visibility import seen_by_partner, shared_since
from models import CheckIn, db
from tests.conftest import Accounts


@pytest.mark.parametrize("visibility", ["partner", "private"])
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_seen_by_partner_agrees_with_shared_since(app, client, clock, visibility, offset):
    author = Accounts(client).register("Sam")
    author_id = uuid.UUID(author["user"]["id"])
    paired_at = clock.current - timedelta(hours=1)
    pairing = Pairing(uuid.uuid4(), paired_at, Partner(uuid.uuid4(), "Alex", "UTC"))
    row = CheckIn(
        id=uuid.uuid4(),
        author_id=author_id,
        tone="sad",
        energy=3,
        visibility=visibility,
        recorded_at=paired_at + timedelta(seconds=offset),
        created_at=clock.current,
        request_hash="test",
    )
    with app.app_context():
        db.session.add(row)
        db.session.commit()
        in_sql = db.session.scalar(
            select(CheckIn.id).where(CheckIn.id == row.id, shared_since(author_id, paired_at))
        )
        assert seen_by_partner(pairing, row) is (in_sql is not None)
        assert seen_by_partner(pairing, row) is (visibility == "partner" and offset >= 0)
    assert seen_by_partner(None, row) is False
