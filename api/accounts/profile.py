"""How a user is shown to themselves, and changing what they may change."""

from __future__ import annotations

import uuid
from typing import Any

from api.auth.caller_cache import forget_caller
from api.http.errors import ApiError
from api.http.render import matches
from models import User, db


def user_view(user: Any) -> dict[str, Any]:
    """The user object of the contract, from a `User` row or a `Caller`."""
    return {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "timezone": user.timezone,
        "locale": user.locale,
        "created_at": user.created_at,
        "couple_id": user.couple_id,
        "notify_partner_checkins": user.notify_partner_checkins,
        "reminder_time": user.reminder_time,
        "quiet_hours": (
            {"start": user.quiet_hours_start, "end": user.quiet_hours_end}
            if user.quiet_hours_start and user.quiet_hours_end
            else None
        ),
        "identities": list(user.identities),
        "has_password": user.has_password,
    }


def update_profile(
    user_id: uuid.UUID, changes: dict[str, Any], if_match: str | None = None
) -> User:
    """Apply a PATCH of the profile (committed), and forget the cached caller.

    With `if_match` (the ETag of `GET /me` the app changed from), a profile changed
    meanwhile (by another phone) is 412 and stays as it is. The row is locked first, so
    two phones sending the same ETag at once cannot both win.
    """
    user = db.session.get_one(User, user_id, with_for_update=True)
    if if_match is not None and not matches(if_match, user_view(user)):
        raise ApiError(
            412, "precondition_failed", "Your profile changed since you read it; read it again."
        )
    if "quiet_hours" in changes:
        quiet = changes.pop("quiet_hours") or {}
        user.quiet_hours_start, user.quiet_hours_end = quiet.get("start"), quiet.get("end")
    for field, value in changes.items():
        setattr(user, field, value)
    db.session.commit()
    forget_caller(user.id)
    return user
