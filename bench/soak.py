"""`make soak`: ten minutes of mixed load on PostgreSQL, 2 gunicorn workers, memory watched.

Seeds the bench's couple (a year of daily check-ins and responses; devtools/database.py),
serves the app as production does (APP_ENV=production, gunicorn.conf.py, 2 sync workers,
JSON access logs, rate limiting on) but with worker recycling off, so that a leak cannot
hide behind it, and drives it with wrk (8 connections) through a mix of what the app
does all day: the list, prompts, the weekly summary, `GET /me`, and posting check-ins
(by a third account, as in the bench, so the couple's week stays a real week).

Every 5 s it samples each worker's resident memory. It prints the requests, the errors
(answers other than 2xx, socket errors, error lines in the server's log), the latency
percentiles and, per route, the server's own count and p99; then each worker's memory
at the start and at the end. A warm-up (30 s, not counted) fills the caches first. It
fails (exit 1) on any error, or on memory growing more than 10% (a worker's or the
total). The result goes into BENCHMARKS.md.

SOAK_SECONDS (600), SOAK_CONNECTIONS (8), SOAK_DATABASE (attune_soak) and
SOAK_ADMIN_URL change the run.
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# After making the repo importable:
from devtools.database import ADMIN_URL, fresh_database, seed  # noqa: E402
from devtools.serve import gunicorn, gunicorn_workers  # noqa: E402
from devtools.wrk import WrkRun, ensure_wrk, run_wrk  # noqa: E402

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
WARM_UP_SECONDS = int(os.environ.get("SOAK_WARM_UP_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "8"))
DATABASE = os.environ.get("SOAK_DATABASE", "attune_soak")
WORKERS = 2
SAMPLE_EVERY = 5.0
MAX_GROWTH = 0.10

# (method, path, who, body, weight): one request of twenty is a post.
MIX = [
    ("GET", "/api/v1/checkins?author=both&limit=20", "alex", None, 3),
    ("GET", "/api/v1/checkins?author=both&limit=20", "sam", None, 3),
    ("GET", "/api/v1/prompts", "alex", None, 3),
    ("GET", "/api/v1/prompts", "sam", None, 2),
    ("GET", "/api/v1/couple/summary", "alex", None, 2),
    ("GET", "/api/v1/couple/summary", "sam", None, 1),
    ("GET", "/api/v1/me", "alex", None, 2),
    ("GET", "/api/v1/me", "sam", None, 2),
    ("POST", "/api/v1/checkins", "kim", '{"tone": "calm", "energy": 4, "note": "soak"}', 2),
]


def mixed_script(tokens: dict[str, str]) -> str:
    """A wrk script cycling through MIX, each request as often as its weight says."""
    entries = []
    for method, path, who, body, weight in MIX:
        headers = f'{{["Authorization"] = "Bearer {tokens[who]}"'
        if body:
            headers += ', ["Content-Type"] = "application/json"'
        headers += "}"
        body_lua = f"'{body}'" if body else "nil"
        entries += [f'wrk.format("{method}", "{path}", {headers}, {body_lua})'] * weight
    # Interleave, so that no stretch of the run is all one kind of request.
    order = [entries[i] for i in range(0, len(entries), 2)] + entries[1::2]
    return (
        "local requests = {}\n"
        "init = function(args)\n"
        + "".join(f"  table.insert(requests, {entry})\n" for entry in order)
        + "end\n"
        "local n = 0\n"
        "request = function()\n"
        "  n = n + 1\n"
        "  return requests[(n % #requests) + 1]\n"
        "end\n"
    )


@dataclass
class MemorySampler:
    """Samples the resident memory (KiB) of each worker of the gunicorn serving `bind`."""

    bind: str
    samples: list[tuple[float, dict[int, int]]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> dict[int, int]:
        taken = {p.pid: p.rss_kib for p in gunicorn_workers(self.bind)}
        self.samples.append((time.monotonic(), taken))
        return taken

    def run(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self.sample()
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


@dataclass(frozen=True)
class RouteStats:
    route: str
    count: int
    p99_ms: float
    failures: int  # status >= 400


def read_server_log(text: str) -> tuple[list[RouteStats], list[str]]:
    """Per route, from the app's JSON access lines; and every line at level error or worse
    (JSON or gunicorn's own "[ERROR]" lines)."""
    durations: dict[str, list[float]] = {}
    failures: dict[str, int] = {}
    bad_lines = []
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            if "[ERROR]" in line or "[CRITICAL]" in line or "Traceback" in line:
                bad_lines.append(line)
            continue
        if not isinstance(entry, dict):
            continue
        if entry.get("level") in {"error", "critical"}:
            bad_lines.append(line)
        if entry.get("logger") == "api.access":
            route = f"{entry.get('method')} {entry.get('route')}"
            durations.setdefault(route, []).append(float(entry.get("duration_ms") or 0))
            if int(entry.get("status") or 0) >= 400:
                failures[route] = failures.get(route, 0) + 1
    stats = []
    for route, values in sorted(durations.items()):
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        stats.append(RouteStats(route, len(values), p99, failures.get(route, 0)))
    return stats, bad_lines


def growth(start: int, end: int) -> float:
    return (end - start) / start if start else 0.0


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reasons: list[str]


def judge(run: WrkRun, bad_lines: list[str], start: dict[int, int], end: dict[int, int]) -> Verdict:
    reasons = []
    if run.errors:
        reasons.append(f"{run.errors} errors ({run.non_2xx} non-2xx, {run.socket_errors} socket)")
    if bad_lines:
        reasons.append(f"{len(bad_lines)} error lines in the server's log")
    if set(start) != set(end):
        reasons.append("a worker was replaced during the run")
    for pid in sorted(set(start) & set(end)):
        if growth(start[pid], end[pid]) > MAX_GROWTH:
            reasons.append(f"worker {pid} grew {growth(start[pid], end[pid]):+.1%}")
    total = growth(sum(start.values()), sum(end.values()))
    if total > MAX_GROWTH:
        reasons.append(f"the workers together grew {total:+.1%}")
    return Verdict(not reasons, reasons)


def peaks(samples: list[tuple[float, dict[int, int]]]) -> dict[int, int]:
    """Each worker's highest sample."""
    highest: dict[int, int] = {}
    for _, taken in samples:
        for pid, rss in taken.items():
            highest[pid] = max(highest.get(pid, 0), rss)
    return highest


def report(
    run: WrkRun,
    stats: list[RouteStats],
    bad_lines: list[str],
    start: dict[int, int],
    end: dict[int, int],
    verdict: Verdict,
    peak: dict[int, int] | None = None,
    sample_count: int = 0,
) -> str:
    mib = 1024
    lines = [
        f"Soak run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.system()} "
        f"{platform.release()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"PostgreSQL on 127.0.0.1; gunicorn with {WORKERS} sync workers (APP_ENV=production, "
        f"no worker recycling); wrk with {CONNECTIONS} connections for {SECONDS} s after a "
        f"{WARM_UP_SECONDS} s warm-up.",
        "",
        "```",
        f"requests  {run.requests}  ({run.rps:.1f}/s)",
        f"errors    {run.errors}  (non-2xx {run.non_2xx}, socket {run.socket_errors}, "
        f"error lines in the server log {len(bad_lines)})",
        f"latency   p50 {run.p50_ms:.2f} ms   p90 {run.p90_ms:.2f} ms   p99 {run.p99_ms:.2f} ms",
        "",
        "per route (the server's own timing)   requests   p99 ms   >= 400",
    ]
    for s in stats:
        lines.append(f"  {s.route:36} {s.count:9d} {s.p99_ms:8.2f} {s.failures:8d}")
    peak = peak or {}
    lines += [
        "",
        f"memory (RSS, MiB; {sample_count} samples)   start      end     peak   growth",
    ]
    for pid in sorted(set(start) | set(end)):
        before, after, top = start.get(pid, 0), end.get(pid, 0), peak.get(pid, 0)
        lines.append(
            f"  worker {pid:<22} {before / mib:8.1f} {after / mib:8.1f} {top / mib:8.1f}  "
            f"{growth(before, after):+7.1%}"
        )
    total_start, total_end = sum(start.values()), sum(end.values())
    lines.append(
        f"  both workers{'':17} {total_start / mib:8.1f} {total_end / mib:8.1f} "
        f"{sum(peak.values()) / mib:8.1f}  {growth(total_start, total_end):+7.1%}"
    )
    lines += ["", "PASS" if verdict.passed else "FAIL: " + "; ".join(verdict.reasons), "```"]
    return "\n".join(lines)


def write_into_benchmarks(text: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    content = path.read_text()
    start, end = "<!-- soak:start -->", "<!-- soak:end -->"
    if start not in content:
        content += f"\n## Soak\n\n{start}\n{end}\n"
    before, _, rest = content.partition(start)
    _, _, after = rest.partition(end)
    path.write_text(f"{before}{start}\n{text}\n{end}{after}")


def main() -> int:
    wrk = ensure_wrk()
    keys = {"SECRET_KEY": secrets.token_urlsafe(32), "JWT_SECRET_KEY": secrets.token_urlsafe(32)}
    print(
        f"soak: database {DATABASE} on 127.0.0.1, {WORKERS} gunicorn workers, wrk "
        f"{CONNECTIONS} connections, {WARM_UP_SECONDS} s warm-up then {SECONDS} s"
    )
    database_url = fresh_database(DATABASE, os.environ.get("SOAK_ADMIN_URL", ADMIN_URL))
    tokens = seed(
        database_url,
        {
            **keys,
            "JWT_ACCESS_TOKEN_MINUTES": "120",
            "RATELIMIT_ENABLED": "false",
            "LOG_JSON": "false",
        },
    )
    env = {
        **keys,
        "APP_ENV": "production",
        "DATABASE_URL": database_url,
        "JWT_ACCESS_TOKEN_MINUTES": "120",
        "RATELIMIT_ENABLED": "true",
        # Each request pays for the limiter's check, and each post for its counting. Kim
        # posts thousands of check-ins, far past the default 120 an hour: the limits are
        # set out of reach, so the soak measures the counting, never a refusal. One
        # process's counts are fine for that: said so explicitly.
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_PER_WORKER_OK": "true",
        "RATELIMIT_CHECKIN": "1000000 per hour;1000000 per day",
        "RATELIMIT_RESPOND": "1000000 per hour",
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_MAX_REQUESTS": "0",  # no recycling: a leak must show, not be reset
    }
    script = mixed_script({"alex": tokens.alex, "sam": tokens.sam, "kim": tokens.kim})
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "server.log"
        with (
            log_path.open("wb") as log,
            gunicorn(
                "wsgi:app",
                env,
                workers=WORKERS,
                config=ROOT / "gunicorn.conf.py",
                output=log,
            ) as base,
        ):
            bind = base.removeprefix("http://")
            run_wrk(wrk, base, script, WARM_UP_SECONDS, CONNECTIONS)
            with MemorySampler(bind) as sampler:
                measured_from = log_path.stat().st_size
                run = run_wrk(wrk, base, script, SECONDS, CONNECTIONS)
            start, end = sampler.samples[0][1], sampler.samples[-1][1]
        with log_path.open("rb") as handle:
            handle.seek(measured_from)
            stats, bad_lines = read_server_log(handle.read().decode(errors="replace"))
    verdict = judge(run, bad_lines, start, end)
    text = report(
        run, stats, bad_lines, start, end, verdict, peaks(sampler.samples), len(sampler.samples)
    )
    print()
    print(text)
    for line in bad_lines[:20]:
        print("server:", line[:500])
    write_into_benchmarks(text)
    print("\nwritten to BENCHMARKS.md")
    return 0 if verdict.passed else 1


if __name__ == "__main__":
    sys.exit(main())
