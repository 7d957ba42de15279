from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from api.notifications.schedule import quiet_until, reminder_day, retry_after

TOKYO = ZoneInfo("Asia/Tokyo")
LA = ZoneInfo("America/Los_Angeles")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_quiet_hours_across_midnight_defer_to_the_local_morning():
    # 14:00 UTC is 23:00 in Tokyo: quiet until 08:00 Tokyo, which is 23:00 UTC.
    assert quiet_until(utc("2026-11-29T14:00"), TOKYO, "22:00", "08:00") == utc("2026-11-29T23:00")
    # 20:00 UTC is 05:00 the next morning in Tokyo: still quiet, until 08:00 that day.
    assert quiet_until(utc("2026-11-29T20:00"), TOKYO, "22:00", "08:00") == utc("2026-11-29T23:00")


def test_the_same_moment_is_quiet_in_one_zone_and_not_in_another():
    moment = utc("2026-11-29T14:00")  # 23:00 in Tokyo, 06:00 in Los Angeles
    assert quiet_until(moment, TOKYO, "22:00", "08:00") is not None
    assert quiet_until(moment, LA, "22:00", "08:00") == utc("2026-11-29T16:00")
    assert quiet_until(utc("2026-11-29T18:00"), LA, "22:00", "08:00") is None  # 10:00 in LA


def test_quiet_hours_within_a_day_and_none():
    assert quiet_until(utc("2026-11-29T12:30"), ZoneInfo("UTC"), "12:00", "13:00") == utc(
        "2026-11-29T13:00"
    )
    assert quiet_until(utc("2026-11-29T13:00"), ZoneInfo("UTC"), "12:00", "13:00") is None
    assert quiet_until(utc("2026-11-29T23:00"), ZoneInfo("UTC"), None, None) is None


def test_retries_back_off_exponentially_up_to_an_hour():
    assert [retry_after(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert retry_after(20) == timedelta(hours=1)


@pytest.mark.parametrize(
    ("moment", "due"),
    [
        ("2026-11-29T19:29", None),
        ("2026-11-29T19:30", date(2026, 11, 29)),
        ("2026-11-29T20:29", date(2026, 11, 29)),
        ("2026-11-29T20:30", None),
    ],
)
def test_a_reminder_is_due_in_the_hour_after_its_local_time(moment, due):
    berlin = ZoneInfo("Europe/Berlin")  # 20:30 in Berlin is 19:30 UTC in November
    assert reminder_day(utc(moment), berlin, "20:30") == due
    assert reminder_day(utc(moment), berlin, None) is None
