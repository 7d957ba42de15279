"""A real server for tests that need one: gunicorn on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(workdir: Path, **env_overrides: str) -> Iterator[str]:
    """Serve the app on a fresh SQLite database in `workdir`; yield its base URL."""
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": f"sqlite:///{workdir}/live.sqlite",
        "ARGON2_MEMORY_COST": "1024",
        "ARGON2_TIME_COST": "1",
        "LOG_JSON": "false",
        **env_overrides,
    }
    bin_dir = Path(sys.executable).parent
    subprocess.run(  # noqa: S603 - our own tools
        [str(bin_dir / "flask"), "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [str(bin_dir / "gunicorn"), "-w", "1", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).close()  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the test server did not start") from None
                time.sleep(0.2)  # waiting for a process to come up, not for time to pass
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
