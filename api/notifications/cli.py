"""`flask notifications deliver [--loop]` and `flask notifications remind`, for cron or a worker."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup

from api.clock import now
from api.notifications.fcm import sender_from_config
from api.notifications.worker import deliver_pass, enqueue_reminders

notifications_cli = AppGroup("notifications", help="Deliver push notifications and reminders.")


@notifications_cli.command("deliver")
@click.option("--loop", is_flag=True, help="Keep delivering until stopped.")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between passes.")
def deliver(loop: bool, interval: float) -> None:
    """Send every notification that is due (one pass, for cron; --loop for a worker)."""
    sender = sender_from_config(current_app.config)
    while True:
        report = deliver_pass(sender, now())
        click.echo(
            f"sent {report.sent}, deferred {report.deferred}, retrying {report.retrying}, "
            f"failed {report.failed}, dropped {report.dropped}, "
            f"devices dropped {report.devices_dropped}"
        )
        if not loop:
            return
        time.sleep(interval)


@notifications_cli.command("remind")
def remind() -> None:
    """Enqueue today's reminders for users whose reminder time has just passed."""
    click.echo(f"enqueued {enqueue_reminders(now())} reminders")
