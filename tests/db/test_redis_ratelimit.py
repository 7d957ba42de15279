"""Rate limits counted in Redis hold across app instances and gunicorn workers."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid

import pytest

from devtools.serve import gunicorn, migrate

REDIS_URL = os.environ.get("TEST_REDIS_URL")

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


def _post(url: str, body: dict) -> int:
    request = urllib.request.Request(  # noqa: S310 - loopback only
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_limit_holds_across_two_gunicorn_workers(tmp_path):
    env = {
        "APP_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path}/attune.sqlite",
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": f"workers-{uuid.uuid4().hex}",
        "RATELIMIT_LOGIN": "3 per minute",
        "ARGON2_MEMORY_COST": "1024",
        "ARGON2_TIME_COST": "1",
        "LOG_JSON": "false",
    }
    migrate(env)
    with gunicorn("wsgi:app", env, workers=2) as base:
        statuses = [
            _post(f"{base}/api/v1/auth/login", {"email": "sam@example.com", "password": "nope"})
            for _ in range(8)
        ]
    assert statuses == [401] * 3 + [429] * 5
