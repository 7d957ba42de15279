"""Rate limits counted in Redis hold across app instances and gunicorn workers."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from api import create_app
from api.config import TestConfig
from models import db

REDIS_URL = os.environ.get("TEST_REDIS_URL")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="set TEST_REDIS_URL to a Redis server")


@pytest.fixture(autouse=True)
def _empty_test_redis():
    # TEST_REDIS_URL names a database kept for tests. The limiter is one object per process
    # and keeps the key prefix of the first app it served, so counts from earlier tests
    # and runs would otherwise still be there.
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def _login(client, address="10.1.1.1"):
    return client.post(
        "/api/v1/auth/login",
        json={"email": "sam@example.com", "password": "wrong password"},
        environ_base={"REMOTE_ADDR": address},
    )


def test_two_app_instances_share_one_redis_count(make_app):
    import redis

    prefix = f"test-{uuid.uuid4().hex}"
    settings = dict(
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=REDIS_URL,
        RATELIMIT_KEY_PREFIX=prefix,
        RATELIMIT_LOGIN="3 per minute",
    )
    first = make_app(**settings).test_client()
    assert [_login(first).status_code for _ in range(2)] == [401, 401]
    second = make_app(**settings).test_client()
    assert [_login(second).status_code for _ in range(2)] == [401, 429]
    assert redis.Redis.from_url(REDIS_URL).keys("LIMITS:*auth.Login*")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _post(url: str, body: dict) -> int:
    request = urllib.request.Request(  # noqa: S310 - loopback only
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _wait_until_serving(base: str, process: subprocess.Popen, limit_s: float = 30) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before serving")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1):  # noqa: S310
                return
        except OSError:
            time.sleep(0.2)  # waiting for a process to start, not for time to pass in a test
    raise RuntimeError("gunicorn did not start serving in time")


def test_a_limit_holds_across_two_gunicorn_workers(tmp_path):
    database_url = f"sqlite:///{tmp_path}/attune.sqlite"
    app = create_app(TestConfig(database_url))
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        db.engine.dispose()
    port = _free_port()
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": f"workers-{uuid.uuid4().hex}",
        "RATELIMIT_LOGIN": "3 per minute",
        "ARGON2_MEMORY_COST": "1024",
        "ARGON2_TIME_COST": "1",
        "LOG_JSON": "false",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(  # noqa: S603 - our own server, on loopback
        [str(gunicorn), "-w", "2", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, process)
        statuses = [
            _post(f"{base}/api/v1/auth/login", {"email": "sam@example.com", "password": "nope"})
            for _ in range(8)
        ]
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert statuses == [401] * 3 + [429] * 5
