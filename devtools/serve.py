"""Start a gunicorn on a free loopback port and wait until it answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def migrate(env: Mapping[str, str]) -> None:
    subprocess.run(  # noqa: S603 - our own tools
        [str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )


@contextmanager
def gunicorn(
    module: str,
    env: Mapping[str, str],
    *,
    workers: int = 1,
    health_path: str = "/healthz",
    config: Path | None = None,
) -> Iterator[str]:
    """Serve `module` (e.g. `wsgi:app`) with `env`; yield the base URL; stop it afterwards."""
    port = free_port()
    args = [str(BIN / "gunicorn")]
    if config is not None:
        args += ["-c", str(config)]
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", **env}
    args += ["-w", str(workers), "-b", f"127.0.0.1:{port}", module]
    server = subprocess.Popen(  # noqa: S603
        args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + health_path, timeout=1).close()  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"{module} did not start serving") from None
                time.sleep(0.2)  # waiting for a process to come up, not for time to pass
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
