"""A real server for tests that need one: gunicorn on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools.serve import ROOT, gunicorn, migrate

__all__ = ["ROOT", "live_server"]


@contextmanager
def live_server(workdir: Path, **env_overrides: str) -> Iterator[str]:
    """Serve the app on a fresh SQLite database in `workdir`; yield its base URL."""
    env = {
        "APP_ENV": "development",
        "DATABASE_URL": f"sqlite:///{workdir}/live.sqlite",
        "ARGON2_MEMORY_COST": "1024",
        "ARGON2_TIME_COST": "1",
        "LOG_JSON": "false",
        **env_overrides,
    }
    migrate(env)
    with gunicorn("wsgi:app", env) as base:
        yield base
