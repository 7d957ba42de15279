"""The README's production start works as written: APP_ENV=production, gunicorn wsgi:app."""

from __future__ import annotations

import urllib.request

from devtools.serve import gunicorn, migrate


def test_gunicorn_serves_the_app_in_production_mode(tmp_path):
    env = {
        "APP_ENV": "production",
        "SECRET_KEY": "s" * 48,
        "JWT_SECRET_KEY": "j" * 48,
        "DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite",
        "RATELIMIT_STORAGE_URI": "memory://",
    }
    migrate(env)
    with (
        gunicorn("wsgi:app", env, workers=2) as base,
        urllib.request.urlopen(f"{base}/readyz", timeout=5) as response,  # noqa: S310
    ):
        assert response.status == 200
        assert response.headers["X-Request-ID"]
