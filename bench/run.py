"""`make bench`: the service against a bare Flask app, side by side, on PostgreSQL.

Seeds a couple with a year of daily check-ins and responses, serves the app and the bare
app with the same gunicorn settings (2 workers), and drives each endpoint with wrk
(8 connections), each run right after a run of the bare app. Prints req/s, p50/p99 and
the ratio to bare Flask, and writes them into BENCHMARKS.md.
"""

from __future__ import annotations

import os
import platform
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# After making the repo importable:
from devtools.database import ADMIN_URL, fresh_database, seed  # noqa: E402
from devtools.serve import gunicorn, gunicorn_processes, processes  # noqa: E402
from devtools.wrk import ensure_wrk, lua, run_wrk  # noqa: E402

DATABASE = os.environ.get("BENCH_DATABASE", "attune_bench")
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")

TARGETS = {"list": 0.40, "prompts": 0.35, "summary": 0.25, "post": 0.30}
READ_P99_MS = 50.0

# The app's settings for seeding and serving: tokens outlive a run.
APP_ENV = {"JWT_ACCESS_TOKEN_MINUTES": "120", "RATELIMIT_ENABLED": "false", "LOG_JSON": "false"}


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    # CPU time per request, in ms: the app's gunicorn processes, and PostgreSQL's.
    app_cpu_ms: float = 0.0
    db_cpu_ms: float = 0.0


def serve(stack: ExitStack, module: str, health_path: str, database_url: str) -> str:
    # As in production: JSON access logs and rate limiting on, so every request pays for
    # the limiter's check. POST /checkins has a limit of its own, counted on every post:
    # Kim posts thousands a run, far past the default 120 an hour, so the limits are set
    # out of reach, and the post path is measured with its counting, never refused.
    env = {
        "DATABASE_URL": database_url,
        "RATELIMIT_ENABLED": "true",
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_CHECKIN": "1000000 per hour;1000000 per day",
        "RATELIMIT_RESPOND": "1000000 per hour",
        "JWT_ACCESS_TOKEN_MINUTES": "120",
        "WEB_CONCURRENCY": WORKERS,
    }
    return stack.enter_context(
        gunicorn(
            module,
            env,
            workers=int(WORKERS),
            health_path=health_path,
            config=ROOT / "gunicorn.conf.py",
        )
    )


def drive(wrk: str, name: str, url: str, script: str, seconds: int = SECONDS) -> Result:
    bind = url.split("//", 1)[1].split("/", 1)[0]
    before = cpu_seconds(bind)
    run = run_wrk(wrk, url, script, seconds, CONNECTIONS)
    after = cpu_seconds(bind)
    return Result(
        name,
        run.rps,
        run.p50_ms,
        run.p99_ms,
        run.errors,
        app_cpu_ms=(after[0] - before[0]) / run.requests * 1000,
        db_cpu_ms=(after[1] - before[1]) / run.requests * 1000,
    )


def cpu_seconds(bind: str) -> tuple[float, float]:
    """CPU seconds used so far by the gunicorn serving `bind`, and by PostgreSQL (Linux)."""
    everything = processes()
    app = sum(p.cpu_seconds for p in gunicorn_processes(bind, everything))
    database = sum(p.cpu_seconds for p in everything if p.name.startswith("postgres"))
    return app, database


def main() -> None:
    wrk = ensure_wrk()
    print(
        f"database {DATABASE} on 127.0.0.1; {WORKERS} gunicorn workers; "
        f"wrk {CONNECTIONS} connections, {SECONDS}s a run"
    )
    database_url = fresh_database(DATABASE, os.environ.get("BENCH_ADMIN_URL", ADMIN_URL))
    # Kim (not in the couple) takes the POST load, so the couple's reads are not measured
    # over thousands of check-ins that no real couple would post in a day.
    tokens = seed(database_url, APP_ENV)
    rows = []
    with ExitStack() as stack:
        api = serve(stack, "wsgi:app", "/healthz", database_url) + "/api/v1"
        bare = serve(stack, "bench.bare_app:app", "/ping", database_url) + "/ping"
        token = tokens.alex
        endpoints = [
            (
                "list",
                "GET /checkins?author=both&limit=20",
                f"{api}/checkins?author=both&limit=20",
                lua(token=token),
            ),
            ("prompts", "GET /prompts", f"{api}/prompts", lua(token=token)),
            ("summary", "GET /couple/summary", f"{api}/couple/summary", lua(token=token)),
            (
                "post",
                "POST /checkins",
                f"{api}/checkins",
                lua("POST", tokens.kim, '{"tone": "calm", "energy": 4}'),
            ),
        ]
        drive(wrk, "warm-up", bare, lua(), 2)
        for _, _, url, script in endpoints:
            drive(wrk, "warm-up", url, script, 2)
        for key, label, url, script in endpoints:
            baseline = drive(wrk, "bare", bare, lua())
            measured = drive(wrk, label, url, script)
            rows.append((key, label, measured, baseline))
            print(
                f"{label:38} {measured.rps:8.0f} req/s  p50 {measured.p50_ms:6.2f} ms  "
                f"p99 {measured.p99_ms:6.2f} ms  bare {baseline.rps:8.0f} req/s  "
                f"ratio {measured.rps / baseline.rps:.2f}  CPU ms/req app "
                f"{measured.app_cpu_ms:.2f} db {measured.db_cpu_ms:.2f} "
                f"bare {baseline.app_cpu_ms:.2f}"
            )
    report(rows)


def report(rows: list[tuple[str, str, Result, Result]]) -> None:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        "PostgreSQL on 127.0.0.1; "
        f"gunicorn with {WORKERS} sync workers for both apps; wrk with {CONNECTIONS} connections, "
        f"{SECONDS} s a run, each endpoint run right after a bare-Flask run.",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | bare Flask req/s | ratio | ratio target | "
        "p99 target | met | CPU ms/req: app | PostgreSQL | bare Flask |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    failed = False
    for key, label, measured, baseline in rows:
        ratio = measured.rps / baseline.rps
        target = TARGETS[key]
        ratio_ok = ratio >= target
        p99_ok = key == "post" or measured.p99_ms < READ_P99_MS
        ok = ratio_ok and p99_ok and not measured.errors
        failed |= not ok
        verdict = (
            "yes"
            if ok
            else "no: "
            + ", ".join(
                reason
                for reason, bad in (
                    ("ratio", not ratio_ok),
                    ("p99", not p99_ok),
                    (f"{measured.errors} non-2xx", bool(measured.errors)),
                )
                if bad
            )
        )
        p99_target = "-" if key == "post" else f"< {READ_P99_MS:.0f} ms"
        lines.append(
            f"| `{label}` | {measured.rps:.0f} | {measured.p50_ms:.2f} | {measured.p99_ms:.2f} | "
            f"{baseline.rps:.0f} | {ratio:.2f} | >= {target:.2f} | {p99_target} | {verdict} | "
            f"{measured.app_cpu_ms:.2f} | {measured.db_cpu_ms:.2f} | {baseline.app_cpu_ms:.2f} |"
        )
    table = "\n".join(lines)
    path = ROOT / "BENCHMARKS.md"
    text = (
        path.read_text()
        if path.exists()
        else "# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n"
    )
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    path.write_text(f"{before}{start}\n{table}\n{end}{after}")
    print()
    print(table)
    print(f"\nwritten to {path.name}" + ("" if not failed else "; some targets are not met"))


if __name__ == "__main__":
    main()
