"""`flask sync prune`: drop change-log rows no cursor can still need (for cron, daily)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from api.clock import now
from api.sync.prune import prune_changes

sync_cli = AppGroup("sync", help="Housekeeping for the sync feed.")


@sync_cli.command("prune")
def prune() -> None:
    """Delete change-log rows older than 31 days (cursors expire at 30)."""
    click.echo(f"pruned {prune_changes(now())} change-log rows")
