"""The signed-in caller, loaded with their pairing in the one query a token check costs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import aliased

from api.couples.pairing import Pairing, Partner
from api.http.reads import fetch
from models import Couple, CoupleMember, TokenFamily, User
from models.languages import DEFAULT_LOCALE
from models.user import providers_of


@dataclass(frozen=True)
class Caller:
    """Who is calling: read-only facts. Views that change the account load the `User`."""

    id: uuid.UUID
    email: str | None
    display_name: str
    timezone: str
    created_at: datetime
    pairing: Pairing | None
    locale: str = DEFAULT_LOCALE
    notify_partner_checkins: bool = True
    reminder_time: str | None = None
    quiet_hours_start: str | None = None
    quiet_hours_end: str | None = None
    # The linked sign-in providers, sorted, and whether a password is a way in too.
    identities: tuple[str, ...] = ()
    has_password: bool = True

    @property
    def couple_id(self) -> uuid.UUID | None:
        return self.pairing.couple_id if self.pairing else None


_mine, _theirs = aliased(CoupleMember), aliased(CoupleMember)
_partner = aliased(User)

# One round trip answers: is this token's family alive, who is calling, and with whom
# are they paired. An active membership means the couple has not ended.
_CALLER_QUERY = (
    select(
        User.id,
        User.email,
        User.display_name,
        User.timezone,
        User.locale,
        User.created_at,
        User.notify_partner_checkins,
        User.reminder_time,
        User.quiet_hours_start,
        User.quiet_hours_end,
        User.linked_providers.label("linked_providers"),
        User.password_hash.is_not(None).label("has_password"),
        Couple.id.label("couple_id"),
        Couple.paired_at,
        _partner.id.label("partner_id"),
        _partner.display_name.label("partner_name"),
        _partner.timezone.label("partner_timezone"),
        _partner.notify_partner_checkins.label("partner_notify"),
        _partner.locale.label("partner_locale"),
    )
    .join(TokenFamily, TokenFamily.user_id == User.id)
    .outerjoin(_mine, and_(_mine.user_id == User.id, _mine.active.is_(True)))
    .outerjoin(Couple, Couple.id == _mine.couple_id)
    .outerjoin(_theirs, and_(_theirs.couple_id == _mine.couple_id, _theirs.user_id != User.id))
    .outerjoin(_partner, _partner.id == _theirs.user_id)
    # Bound parameters in a statement built once: each request only binds values.
    .where(
        User.id == bindparam("user_id"),
        TokenFamily.id == bindparam("family_id"),
        TokenFamily.revoked_at.is_(None),
    )
)


def load_caller(user_id: uuid.UUID, family_id: uuid.UUID) -> Caller | None:
    """The caller behind a token of a live family, or None if the family or user is gone."""
    row = fetch(_CALLER_QUERY, {"user_id": user_id, "family_id": family_id}).first()
    if row is None:
        return None
    pairing = None
    if row.couple_id is not None and row.partner_id is not None:
        pairing = Pairing(
            couple_id=row.couple_id,
            paired_at=row.paired_at,
            partner=Partner(
                row.partner_id,
                row.partner_name,
                row.partner_timezone,
                row.partner_notify,
                row.partner_locale,
            ),
        )
    return Caller(
        id=row.id,
        email=row.email,
        display_name=row.display_name,
        timezone=row.timezone,
        created_at=row.created_at,
        pairing=pairing,
        locale=row.locale,
        notify_partner_checkins=row.notify_partner_checkins,
        reminder_time=row.reminder_time,
        quiet_hours_start=row.quiet_hours_start,
        quiet_hours_end=row.quiet_hours_end,
        identities=tuple(providers_of(row.linked_providers)),
        has_password=bool(row.has_password),
    )
