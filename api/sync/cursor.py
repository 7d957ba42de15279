"""Sync cursors: a position in the change log, sealed for one user.

A cursor holds the user's id, a position (`txid`, `seq`) and `as_of`, the time up to which
its holder has seen everything. It is encrypted and authenticated (Fernet, with a key
derived from SECRET_KEY, so it survives restarts): a client cannot read or forge one, the
global counters inside reveal nothing of anybody's activity, and a cursor given to one user
is no cursor for another. `as_of` only moves when the holder catches up, so a cursor
lagging behind keeps its age: older than 30 days, the log may have been pruned past it.
"""

from __future__ import annotations

import struct
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.fernet import Fernet
from flask import current_app

from api.http.errors import ApiError
from api.keys.derived import fernet, seal, unseal

MAX_AGE = timedelta(days=30)
# user id, txid, seq, as_of (seconds since the epoch)
_LAYOUT = struct.Struct(">16sqqd")


@dataclass(frozen=True, order=True)
class Position:
    """Just after the change log row (`txid`, `seq`), in the order readers take rows."""

    txid: int
    seq: int


@dataclass(frozen=True)
class Cursor:
    position: Position
    as_of: datetime


def _key() -> Fernet:
    return fernet(current_app.config["SECRET_KEY"], b"attune sync cursor")


def not_a_cursor() -> ApiError:
    message = "Not a cursor this service gave you; start again without since."
    return ApiError(422, "validation_error", f"since: {message}", errors={"since": [message]})


def cursor_expired() -> ApiError:
    return ApiError(
        410,
        "cursor_expired",
        "This cursor is too old to sync from: reload your lists and start again without since.",
    )


def encode(user_id: uuid.UUID, position: Position, as_of: datetime) -> str:
    packed = _LAYOUT.pack(user_id.bytes, position.txid, position.seq, as_of.timestamp())
    return seal(packed, _key()).rstrip("=")


def decode(user_id: uuid.UUID, text: str, moment: datetime) -> Cursor:
    """The cursor `text`, if it was given to `user_id`: else 422; 410 when too old."""
    packed = unseal(text + "=" * (-len(text) % 4), _key())
    if packed is None or len(packed) != _LAYOUT.size:
        raise not_a_cursor()
    owner, txid, seq, as_of = _LAYOUT.unpack(packed)
    if owner != user_id.bytes:
        raise not_a_cursor()  # the same words as for garbage: it reveals nothing
    issued = datetime.fromtimestamp(as_of, UTC)
    if issued < moment - MAX_AGE:
        raise cursor_expired()
    return Cursor(Position(txid, seq), issued)
