"""SQLAlchemy models. Importing this package registers every table on `db.metadata`."""

from models.base import db
from models.change import Change
from models.checkin import CheckIn, IdempotencyKey, Response, checkin_quarters
from models.couple import Couple, CoupleMember, Invite
from models.identity import AppleRevocation, Identity, UsedNonce
from models.notification import Device, Notification
from models.question import CoupleQuestion, QuestionAnswer
from models.user import TokenFamily, User

__all__ = [
    "AppleRevocation",
    "Change",
    "CheckIn",
    "Couple",
    "CoupleMember",
    "CoupleQuestion",
    "Device",
    "IdempotencyKey",
    "Identity",
    "Invite",
    "Notification",
    "QuestionAnswer",
    "Response",
    "TokenFamily",
    "UsedNonce",
    "User",
    "checkin_quarters",
    "db",
]
