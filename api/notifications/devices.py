"""The phones a user receives pushes on: a push token belongs to the newest account on it."""

from __future__ import annotations

import uuid

from api.clock import now
from api.http.errors import not_found
from models import Device, db


def register_device(user_id: uuid.UUID, platform: str, token: str) -> tuple[Device, int]:
    """Register (or move) a phone's token (committed): the device, and 201 or 200 when the
    user had already registered it."""
    device = db.session.get(Device, token)
    if device is not None and device.user_id == user_id:
        device.platform = platform
        db.session.commit()
        return device, 200
    if device is None:
        device = Device(token=token, user_id=user_id, created_at=now())
        db.session.add(device)
    else:  # the phone changed hands (signed out, another account signed in)
        device.user_id = user_id
        device.created_at = now()
    device.platform = platform
    db.session.commit()
    return device, 201


def forget_device(user_id: uuid.UUID, token: str) -> None:
    """Stop pushing to one of the user's phones (not committed); 404 if it is not theirs."""
    device = db.session.get(Device, token)
    if device is None or device.user_id != user_id:
        raise not_found("No such device of yours.")
    db.session.delete(device)
