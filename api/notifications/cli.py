"""`flask notifications deliver [--loop]` and `flask notifications remind`, for cron or a worker.

The delivering worker also does the other outbox's work that must not wait on a request:
it revokes queued Apple tokens (of deleted accounts) and drops expired sign-in nonces.
"""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup

from api.auth.identities import forget_expired_nonces
from api.auth.revocations import revoke_due
from api.clock import now
from api.notifications.fcm import sender_from_config
from api.notifications.worker import deliver_pass, enqueue_reminders

notifications_cli = AppGroup("notifications", help="Deliver push notifications and reminders.")


@notifications_cli.command("deliver")
@click.option("--loop", is_flag=True, help="Keep delivering until stopped.")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between passes.")
def deliver(loop: bool, interval: float) -> None:
    """Send every notification that is due, revoke queued Apple tokens, drop expired
    nonces (one pass, for cron; --loop for a worker)."""
    sender = sender_from_config(current_app.config)
    while True:
        report = deliver_pass(sender, now())
        click.echo(
            f"sent {report.sent}, deferred {report.deferred}, retrying {report.retrying}, "
            f"failed {report.failed}, dropped {report.dropped}, "
            f"devices dropped {report.devices_dropped}"
        )
        revoked = revoke_due(now())
        click.echo(
            f"Apple tokens revoked {revoked.revoked}, retrying {revoked.retrying}, "
            f"abandoned {revoked.abandoned}; expired nonces dropped {forget_expired_nonces(now())}"
        )
        if not loop:
            return
        time.sleep(interval)


@notifications_cli.command("remind")
def remind() -> None:
    """Enqueue today's reminders for users whose reminder time has just passed."""
    click.echo(f"enqueued {enqueue_reminders(now())} reminders")
