"""When to send: quiet hours, retry backoff and daily reminders. Pure, time passed in."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

HHMM = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
MAX_ATTEMPTS = 6
REMINDER_WINDOW = timedelta(hours=1)


def parse_hhmm(text: str) -> time:
    match = HHMM.fullmatch(text)
    if match is None:
        raise ValueError(f"not a time of day: {text!r}")
    return time(int(match.group(1)), int(match.group(2)))


def _local_at(day: date, at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz)


def quiet_until(now: datetime, tz: ZoneInfo, start: str | None, end: str | None) -> datetime | None:
    """The end of the quiet hours `now` falls in (as UTC), or None when it is not quiet.

    Quiet hours may cross midnight (22:00 to 08:00) or not (13:00 to 14:00).
    """
    if not start or not end or start == end:
        return None
    begin, finish = parse_hhmm(start), parse_hhmm(end)
    local = now.astimezone(tz)
    clock = local.time().replace(tzinfo=None)
    if begin < finish:
        if begin <= clock < finish:
            return _local_at(local.date(), finish, tz).astimezone(UTC)
        return None
    if clock >= begin:
        return _local_at(local.date() + timedelta(days=1), finish, tz).astimezone(UTC)
    if clock < finish:
        return _local_at(local.date(), finish, tz).astimezone(UTC)
    return None


def retry_after(attempts: int) -> timedelta:
    """Exponential backoff: 30 s, 1 min, 2 min, ... at most an hour."""
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_CAP)


def reminder_day(now: datetime, tz: ZoneInfo, reminder_time: str | None) -> date | None:
    """The local day whose reminder is due now: its time passed within the last hour."""
    if not reminder_time:
        return None
    local = now.astimezone(tz)
    due = _local_at(local.date(), parse_hhmm(reminder_time), tz)
    if due <= local < due + REMINDER_WINDOW:
        return local.date()
    return None
