"""Driving a server with wrk, and reading what wrk says."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass


def ensure_wrk() -> str:
    """The path of wrk, installing the Debian package when we may."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing wrk (Debian package)")
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"],  # noqa: S607 - the system's apt-get
            check=True,
            stdout=subprocess.DEVNULL,
        )
        found = shutil.which("wrk")
    if not found:
        sys.exit("this needs wrk: apt-get install wrk")
    return found


def lua(method: str = "GET", token: str | None = None, body: str | None = None) -> str:
    """A wrk script that sends one request over and over."""
    lines = [f'wrk.method = "{method}"']
    if token:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
    if body:
        lines.append('wrk.headers["Content-Type"] = "application/json"')
        lines.append(f"wrk.body = '{body}'")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class WrkRun:
    requests: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    non_2xx: int  # answers that were not 2xx or 3xx
    socket_errors: int  # connect, read, write, timeout
    output: str

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


def run_wrk(
    wrk: str, url: str, script: str, seconds: int, connections: int, threads: int = 2
) -> WrkRun:
    """Drive `url` with `script` for `seconds`; wrk's latency percentiles and error counts."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        out = subprocess.run(  # noqa: S603
            [
                wrk,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                "-s",
                handle.name,
                url,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    return parse(out)


def parse(out: str) -> WrkRun:
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return WrkRun(
        requests=int(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        p50_ms=_percentile(out, "50%"),
        p90_ms=_percentile(out, "90%"),
        p99_ms=_percentile(out, "99%"),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
        output=out,
    )


def _percentile(out: str, label: str) -> float:
    value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
