"""The current time, injectable: tests set `app.config["CLOCK"]` instead of sleeping."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app


def now() -> datetime:
    clock = current_app.config.get("CLOCK")
    return clock() if clock is not None else datetime.now(UTC)
