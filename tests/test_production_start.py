"""The README's production start works as written: APP_ENV=production, gunicorn wsgi:app.

And it refuses what would quietly weaken it: `memory://` rate-limit storage with more than
one worker counts every limit once per worker (issue 16, item 8). Only gunicorn's master
knows the worker count (gunicorn.conf.py, WEB_CONCURRENCY, -w, GUNICORN_CMD_ARGS all
end in its settings), so the refusal is in gunicorn.conf.py's `on_starting` hook.
"""

from __future__ import annotations

import subprocess
import urllib.request

import pytest

from api.config import Config, ConfigError, refuse_per_worker_limits
from devtools.serve import gunicorn, gunicorn_command, migrate

SECRETS = {"SECRET_KEY": "s" * 48, "JWT_SECRET_KEY": "j" * 48}


def _production(tmp_path, **extra: str) -> dict[str, str]:
    env = {
        "APP_ENV": "production",
        **SECRETS,
        "DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite",
        "RATELIMIT_STORAGE_URI": "memory://",
        **extra,
    }
    migrate(env)
    return env


def test_gunicorn_serves_the_app_in_production_mode(tmp_path):
    # Two workers on memory:// only because the operator says so (here: no Redis needed).
    env = _production(tmp_path, RATELIMIT_PER_WORKER_OK="true")
    with (
        gunicorn("wsgi:app", env, workers=2) as base,
        urllib.request.urlopen(f"{base}/readyz", timeout=5) as response,  # noqa: S310
    ):
        assert response.status == 200
        assert response.headers["X-Request-ID"]


@pytest.mark.parametrize(
    ("workers", "concurrency"), [(2, "1"), (None, "3")], ids=["-w 2", "WEB_CONCURRENCY=3"]
)
def test_production_refuses_to_start_memory_limits_with_several_workers(
    tmp_path, workers, concurrency
):
    env = _production(tmp_path, WEB_CONCURRENCY=concurrency)
    command, full_env = gunicorn_command("wsgi:app", env, workers=workers)
    started = subprocess.run(  # noqa: S603 - our own gunicorn
        command, env=full_env, capture_output=True, text=True, timeout=60, check=False
    )
    assert started.returncode != 0
    assert "RATELIMIT_PER_WORKER_OK" in started.stderr
    assert "memory://" in started.stderr


def test_production_with_one_worker_and_memory_limits_starts(tmp_path):
    env = _production(tmp_path)
    with (
        gunicorn("wsgi:app", env, workers=1) as base,
        urllib.request.urlopen(f"{base}/readyz", timeout=5) as response,  # noqa: S310
    ):
        assert response.status == 200


def _config(**env: str) -> Config:
    return Config({"APP_ENV": "production", **env})


def test_the_rule_for_each_set_up():
    refuse_per_worker_limits(_config(), workers=1)
    refuse_per_worker_limits(_config(RATELIMIT_STORAGE_URI="redis://cache:6379/0"), workers=8)
    refuse_per_worker_limits(_config(RATELIMIT_PER_WORKER_OK="true"), workers=8)
    refuse_per_worker_limits(_config(RATELIMIT_ENABLED="false"), workers=8)
    refuse_per_worker_limits(Config({}), workers=8)  # development: a laptop, not a service
    with pytest.raises(ConfigError, match="RATELIMIT_PER_WORKER_OK"):
        refuse_per_worker_limits(_config(), workers=2)
    with pytest.raises(ConfigError):
        refuse_per_worker_limits(_config(RATELIMIT_STORAGE_URI="memory://"), workers=5)
