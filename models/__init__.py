"""SQLAlchemy models. Importing this package registers every table on `db.metadata`."""

from models.base import db
from models.change import Change
from models.checkin import CheckIn, IdempotencyKey, Response
from models.couple import Couple, CoupleMember, Invite
from models.notification import Device, Notification
from models.user import TokenFamily, User

__all__ = [
    "Change",
    "CheckIn",
    "Couple",
    "CoupleMember",
    "Device",
    "IdempotencyKey",
    "Invite",
    "Notification",
    "Response",
    "TokenFamily",
    "User",
    "db",
]
