from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, new_id, utcnow


class Identity(db.Model):  # type: ignore[name-defined]
    """A way in through Apple or Google: the provider's (`issuer`, `subject`) pair.

    `issuer` is the provider's canonical issuer (Google signs with two spellings of one).
    `email` is the address the provider said was verified when the identity was linked, or
    null. For Apple, `refresh_token_encrypted` holds Apple's refresh token (Fernet, key
    derived from SECRET_KEY) and `client_id` the app it was issued to: both are needed to
    revoke it when the account is deleted.
    """

    __tablename__ = "identities"
    __table_args__ = (
        UniqueConstraint("issuer", "subject", name="uq_identities_issuer_subject"),
        # One identity per provider and account: unlinking names the provider.
        UniqueConstraint("user_id", "provider", name="uq_identities_user_id_provider"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(10))
    issuer: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    client_id: Mapped[str | None] = mapped_column(String(255), default=None)
    refresh_token_encrypted: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class UsedNonce(db.Model):  # type: ignore[name-defined]
    """A nonce an identity token was accepted with: refused again until the token expires.

    In the database, not in memory, so that every worker refuses a replay. `key` is the
    SHA-256 of the issuer and the token's nonce claim; rows past `expires_at` are pruned.
    """

    __tablename__ = "used_nonces"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class AppleRevocation(db.Model):  # type: ignore[name-defined]
    """An Apple refresh token still to be revoked at Apple: a durable queue.

    Written in the transaction that deletes the account (or unlinks the identity), and
    tied to no user row, since that row is gone by the time Apple is asked. The worker
    (`flask notifications deliver`) retries until Apple confirms; the row goes then.
    """

    __tablename__ = "apple_revocations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(String(255))
    token_encrypted: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
