"""Profile one endpoint in-process on the bench database.

.venv/bin/python bench/profile.py /api/v1/prompts [GET|POST] [--all]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pyinstrument import Profiler

from api import create_app
from api.config import Config
from bench.run import DATABASE_URL, PASSWORD


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "/api/v1/checkins?author=both&limit=20"
    method = sys.argv[2] if len(sys.argv) > 2 else "GET"
    app = create_app(
        Config({"DATABASE_URL": DATABASE_URL, "RATELIMIT_ENABLED": "false", "LOG_JSON": "false"})
    )
    client = app.test_client()
    token = client.post(
        "/api/v1/auth/login", json={"email": "alex@bench.example", "password": PASSWORD}
    ).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    body = {"json": {"tone": "calm", "energy": 4}} if method == "POST" else {}
    for _ in range(20):
        client.open(path, method=method, headers=headers, **body)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(300):
        response = client.open(path, method=method, headers=headers, **body)
        assert response.status_code < 300, response.get_json()
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all="--all" in sys.argv))


if __name__ == "__main__":
    main()
