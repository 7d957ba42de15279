"""`flask auth prune`: forget the refresh answers whose grace has ended (for cron)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from api.auth.tokens import drop_spent_answers
from api.clock import now

auth_cli = AppGroup("auth", help="Housekeeping for sign-in.")


@auth_cli.command("prune")
def prune() -> None:
    """Drop the kept answers of spent refresh tokens once their grace has ended."""
    click.echo(f"dropped {drop_spent_answers(now())} refresh answers")
