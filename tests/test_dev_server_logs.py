"""`make run` (Flask's development server) logs one line per request: ours."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request

from devtools.serve import BIN, free_port, migrate
from tests.live import ROOT


def test_the_development_server_logs_each_request_once(tmp_path):
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path}/dev.sqlite",
        "LOG_JSON": "true",
        "PYTHONUNBUFFERED": "1",
    }
    migrate(env)
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own tools
        [str(BIN / "flask"), "--app", "wsgi", "run", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                url = f"http://127.0.0.1:{port}/api/v1/vocabulary?tone=secret"
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "no server"
                time.sleep(0.2)  # waiting for a process to come up, not for time to pass
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)

    lines = [line for line in output.splitlines() if "vocabulary" in line]
    assert len(lines) == 1, output
    entry = json.loads(lines[0])
    assert entry["route"] == "/api/v1/vocabulary" and entry["status"] == 200
    assert "secret" not in output  # the query string is in neither line
    assert "Running on http://127.0.0.1" in output  # where it listens is still said
