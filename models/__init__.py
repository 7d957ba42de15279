"""SQLAlchemy models. Importing this package registers every table on `db.metadata`."""

from models.base import db
from models.checkin import CheckIn, IdempotencyKey, Response
from models.couple import Couple, CoupleMember, Invite
from models.user import TokenFamily, User

__all__ = [
    "CheckIn",
    "Couple",
    "CoupleMember",
    "IdempotencyKey",
    "Invite",
    "Response",
    "TokenFamily",
    "User",
    "db",
]
