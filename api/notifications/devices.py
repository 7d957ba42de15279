"""The phones a user receives pushes on: a push token belongs to the newest account on it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select

from api.clock import now
from api.http.errors import not_found
from models import Device, db

TOKEN_ENDING = 6


def device_view(device: Device, *, with_token: bool = False) -> dict[str, Any]:
    """A device as its owner sees it: named by its id, the token shown by its last
    characters only (enough to tell two phones apart in a settings screen)."""
    view: dict[str, Any] = {
        "id": device.id,
        "platform": device.platform,
        "token_ending": device.token[-TOKEN_ENDING:],
        "created_at": device.created_at,
        "last_seen_at": device.last_seen_at,
    }
    if with_token:  # the answer to the phone that just sent it
        view["token"] = device.token
    return view


def register_device(user_id: uuid.UUID, platform: str, token: str) -> tuple[dict[str, Any], int]:
    """Register (or move) a phone's token (committed): the device, and 201 or 200 when the
    user had already registered it (then it was seen again now)."""
    moment = now()
    device = db.session.get(Device, token)
    if device is not None and device.user_id == user_id:
        device.platform = platform
        device.last_seen_at = moment
        db.session.commit()
        return device_view(device, with_token=True), 200
    if device is None:
        device = Device(token=token)
        db.session.add(device)
    # New, or the phone changed hands (signed out, another account signed in): a new
    # device of this user, under an id the previous owner never saw.
    device.id = uuid.uuid4()
    device.user_id = user_id
    device.platform = platform
    device.created_at = device.last_seen_at = moment
    db.session.commit()
    return device_view(device, with_token=True), 201


def devices_of(user_id: uuid.UUID) -> list[dict[str, Any]]:
    """The user's devices, the most recently seen first."""
    devices = db.session.scalars(
        select(Device)
        .where(Device.user_id == user_id)
        .order_by(Device.last_seen_at.desc(), Device.id)
    )
    return [device_view(device) for device in devices]


def forget_device(
    user_id: uuid.UUID,
    *,
    token: str | None = None,
    device_id: uuid.UUID | None = None,
    missing_ok: bool = False,
) -> None:
    """Stop pushing to one of the user's phones, named by token or id (not committed);
    404 if it is not theirs, unless `missing_ok`."""
    named = Device.token == token if token is not None else Device.id == device_id
    gone = db.session.execute(delete(Device).where(named, Device.user_id == user_id))
    if gone.rowcount == 0 and not missing_ok:  # type: ignore[attr-defined]
        raise not_found("No such device of yours.")
