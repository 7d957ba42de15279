"""SQLAlchemy models. Importing this package registers every table on `db.metadata`."""

from models.base import db
from models.user import TokenFamily, User

__all__ = ["TokenFamily", "User", "db"]
