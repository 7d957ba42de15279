from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    String,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db


class Change(db.Model):  # type: ignore[name-defined]
    """The sync feed's log: "`entity_id` changed, and `user_id` should hear of it".

    One row per reader and change, so that a reader's feed is one index range
    (`user_id`, then commit-safe order). Rows are written by triggers (migrations 0010 and
    0011) in the transaction of the change itself, whatever code path made it. A row says
    only *that*
    something changed: what the reader may see of it is decided when they read.

    `txid` is the writing transaction's id on PostgreSQL (0 on SQLite, whose writers are
    serialized): readers take rows in (`txid`, `seq`) order and only from transactions
    that have ended, so a row committed late is never skipped.
    """

    __tablename__ = "changes"
    __table_args__ = (
        CheckConstraint("kind IN ('checkin', 'couple', 'question')", name="kind_known"),
        Index("ix_changes_reader", "user_id", "txid", "seq"),
        # Never reuse a number, even after pruning removed the highest ones.
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    txid: Mapped[int] = mapped_column(BigInteger, server_default=FetchedValue())
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # The pairing through which the reader sees it (a partner's check-in, a question).
    couple_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
