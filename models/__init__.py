"""SQLAlchemy models. Importing this package registers every table on `db.metadata`."""

from models.base import db
from models.couple import Couple, CoupleMember, Invite
from models.user import TokenFamily, User

__all__ = ["Couple", "CoupleMember", "Invite", "TokenFamily", "User", "db"]
