"""Delivering the outbox, and enqueuing daily reminders.

Several workers may run at once: on PostgreSQL each claims its rows with
`FOR UPDATE SKIP LOCKED`, so a notification is sent by exactly one of them. Each row is
judged again before it is sent (`relevance.reason_to_drop`): what is no longer the
recipient's to see is dropped.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, exists, select
from sqlalchemy.exc import IntegrityError

from api.notifications import outbox
from api.notifications.fcm import Message, Outcome, Sender
from api.notifications.relevance import reason_to_drop
from api.notifications.schedule import MAX_ATTEMPTS, quiet_until, reminder_day, retry_after
from models import CheckIn, CoupleMember, Device, Notification, User, db

log = logging.getLogger(__name__)


@dataclass
class PassReport:
    sent: int = 0
    deferred: int = 0
    retrying: int = 0
    failed: int = 0
    dropped: int = 0  # no longer about anything the recipient can see
    devices_dropped: int = 0
    ids: list[uuid.UUID] = field(default_factory=list)


def deliver_pass(sender: Sender, now: datetime, batch: int = 100) -> PassReport:
    """Send what is due, once; commit after each notification."""
    report = PassReport()
    while True:
        claimed = db.session.execute(
            select(Notification, User.timezone, User.quiet_hours_start, User.quiet_hours_end)
            .join(User, User.id == Notification.user_id)
            .where(Notification.status == "pending", Notification.next_attempt_at <= now)
            .order_by(Notification.next_attempt_at)
            .limit(1)
            .with_for_update(skip_locked=True, of=Notification)
        ).first()
        handled = report.sent + report.failed + report.deferred + report.dropped
        if claimed is None or handled >= batch:
            db.session.rollback()
            return report
        notification, zone, quiet_start, quiet_end = claimed
        _deliver_one(sender, notification, ZoneInfo(zone), quiet_start, quiet_end, now, report)
        db.session.commit()


def _deliver_one(
    sender: Sender,
    notification: Notification,
    tz: ZoneInfo,
    quiet_start: str | None,
    quiet_end: str | None,
    now: datetime,
    report: PassReport,
) -> None:
    reason = reason_to_drop(notification)
    if reason is not None:  # asked again now: the row may have waited for hours
        _finish(notification, "dropped", now, reason)
        report.dropped += 1
        return
    quiet_ends = quiet_until(now, tz, quiet_start, quiet_end)
    if quiet_ends is not None and notification.kind != "reminder":
        notification.next_attempt_at = quiet_ends  # deferred, not dropped
        report.deferred += 1
        return
    devices = db.session.scalars(select(Device).where(Device.user_id == notification.user_id)).all()
    if not devices:
        _finish(notification, "failed", now, "no registered device")
        report.failed += 1
        return
    outcomes = []
    for device in devices:
        message = Message(
            device.token,
            notification.title,
            notification.body,
            {
                **{k: str(v) for k, v in notification.data.items()},
                "notification_id": str(notification.id),
            },
        )
        outcome, reason = sender.send(message)
        outcomes.append((outcome, reason))
        if outcome is Outcome.GONE:
            db.session.execute(delete(Device).where(Device.token == device.token))
            report.devices_dropped += 1
    notification.attempts += 1
    reasons = "; ".join(r for _, r in outcomes if r)
    if any(o is Outcome.SENT for o, _ in outcomes):
        _finish(notification, "sent", now, None)
        report.sent += 1
        report.ids.append(notification.id)
    elif any(o is Outcome.RETRY for o, _ in outcomes) and notification.attempts < MAX_ATTEMPTS:
        notification.next_attempt_at = now + retry_after(notification.attempts)
        notification.last_error = reasons
        report.retrying += 1
    else:
        _finish(notification, "failed", now, reasons or "not delivered")
        report.failed += 1


def _finish(notification: Notification, status: str, now: datetime, error: str | None) -> None:
    notification.status = status
    notification.last_error = error
    if status == "sent":
        notification.sent_at = now


def enqueue_reminders(now: datetime) -> int:
    """One reminder for each user whose reminder time just passed, who has not checked in
    today (their local day), at most one a day."""
    mine, theirs = CoupleMember.__table__.alias("mine"), CoupleMember.__table__.alias("theirs")
    partner = User.__table__.alias("partner")
    rows = db.session.execute(
        select(User.id, User.timezone, User.locale, User.reminder_time, partner.c.display_name)
        .outerjoin(mine, and_(mine.c.user_id == User.id, mine.c.active.is_(True)))
        .outerjoin(
            theirs, and_(theirs.c.couple_id == mine.c.couple_id, theirs.c.user_id != User.id)
        )
        .outerjoin(partner, partner.c.id == theirs.c.user_id)
        .where(User.reminder_time.is_not(None))
    ).all()
    enqueued = 0
    for user_id, zone, locale, reminder_time, partner_name in rows:
        tz = ZoneInfo(zone)
        day = reminder_day(now, tz, reminder_time)
        if day is None:
            continue
        day_start = datetime.combine(day, datetime.min.time(), tzinfo=tz)
        checked_in_today = db.session.scalar(
            select(
                exists().where(
                    CheckIn.author_id == user_id,
                    CheckIn.deleted_at.is_(None),
                    CheckIn.recorded_at >= day_start,
                    CheckIn.recorded_at < day_start + timedelta(days=1),
                )
            )
        )
        if checked_in_today:
            continue
        try:
            with db.session.begin_nested():
                outbox.reminder(user_id, locale, partner_name, day.isoformat())
            enqueued += 1
        except IntegrityError:
            pass  # already reminded today
    db.session.commit()
    return enqueued
