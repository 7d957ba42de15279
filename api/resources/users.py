"""How a user is shown to themselves."""

from typing import Any


def user_view(user: Any) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "timezone": user.timezone,
        "created_at": user.created_at,
        "couple_id": user.couple_id,
        "notify_partner_checkins": user.notify_partner_checkins,
        "reminder_time": user.reminder_time,
        "quiet_hours": (
            {"start": user.quiet_hours_start, "end": user.quiet_hours_end}
            if user.quiet_hours_start and user.quiet_hours_end
            else None
        ),
    }
