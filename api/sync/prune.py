"""Pruning the change log: rows older than any cursor still accepted are of no use."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from api.sync.cursor import MAX_AGE
from models import Change, db

# A cursor is refused once 30 days old; a day more covers transactions that committed
# rows stamped a little before a cursor was taken.
KEEP = MAX_AGE + timedelta(days=1)
BATCH = 1000


def prune_changes(moment: datetime, keep: timedelta = KEEP, batch: int = BATCH) -> int:
    """Delete log rows older than `keep`, oldest first, a batch per transaction
    (committed); how many went. Walks the primary key, so it needs no index of its own,
    and stops at the first batch that holds a row to keep."""
    cutoff = moment - keep
    after, removed = 0, 0
    while True:
        rows = db.session.execute(
            select(Change.seq, Change.at)
            .where(Change.seq > after)
            .order_by(Change.seq)
            .limit(batch)
        ).all()
        old = [seq for seq, at in rows if at < cutoff]
        if old:
            db.session.execute(delete(Change).where(Change.seq.in_(old)))
        db.session.commit()
        removed += len(old)
        if len(old) < batch:
            return removed
        after = rows[-1].seq
