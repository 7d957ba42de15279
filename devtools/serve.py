"""Start a gunicorn on a free loopback port and wait until it answers; find its processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

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


def gunicorn_command(
    module: str,
    env: Mapping[str, str],
    *,
    workers: int | None = 1,
    port: int | None = None,
    config: Path | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that serve `module` on loopback (`port`, or a
    free one), for running it yourself; `gunicorn()` runs it and waits until it answers.
    `workers=None` leaves the count to the configuration (WEB_CONCURRENCY)."""
    port = port or free_port()
    args = [str(BIN / "gunicorn")]
    if config is not None:
        args += ["-c", str(config)]
    full_env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", **env}
    if workers is not None:
        args += ["-w", str(workers)]
    args += ["-b", f"127.0.0.1:{port}", module]
    return args, full_env


@contextmanager
def gunicorn(
    module: str,
    env: Mapping[str, str],
    *,
    workers: int = 1,
    health_path: str = "/healthz",
    config: Path | None = None,
    output: IO[bytes] | int | None = subprocess.DEVNULL,
) -> Iterator[str]:
    """Serve `module` (e.g. `wsgi:app`) with `env`; yield the base URL; stop it afterwards.
    `output` receives gunicorn's stdout and stderr (the app's and gunicorn's logs)."""
    port = free_port()
    args, full_env = gunicorn_command(module, env, workers=workers, port=port, config=config)
    server = subprocess.Popen(  # noqa: S603
        args, cwd=ROOT, env=full_env, stdout=output, stderr=output
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


@dataclass(frozen=True)
class Process:
    pid: int
    ppid: int
    name: str
    cmdline: str
    cpu_seconds: float  # user + system, so far
    rss_kib: int


def processes() -> list[Process]:
    """Every process on this machine, from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            resident = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        found.append(
            Process(
                pid=int(entry.name),
                ppid=int(fields[1]),
                name=name,
                cmdline=cmdline,
                cpu_seconds=(int(fields[11]) + int(fields[12])) / tick,  # utime + stime
                rss_kib=resident * page_kib,
            )
        )
    return found


def gunicorn_processes(bind: str, among: list[Process] | None = None) -> list[Process]:
    """The gunicorn master and workers serving `bind` ("127.0.0.1:8000")."""
    return [
        p
        for p in (processes() if among is None else among)
        if "gunicorn" in p.cmdline and f" {bind} " in f"{p.cmdline} "
    ]


def gunicorn_workers(bind: str) -> list[Process]:
    """The workers of the gunicorn serving `bind`: its processes whose parent is one too."""
    serving = gunicorn_processes(bind)
    pids = {p.pid for p in serving}
    return sorted((p for p in serving if p.ppid in pids), key=lambda p: p.pid)
