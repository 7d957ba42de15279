"""How a user is shown to themselves."""

from typing import Any

from models import User


def user_view(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "timezone": user.timezone,
        "created_at": user.created_at,
        "couple_id": user.couple_id,
    }
