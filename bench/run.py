"""`make bench`: the service against a bare Flask app, side by side, on PostgreSQL.

Seeds a couple with a year of daily check-ins and responses, serves the app and the bare
app with the same gunicorn settings (2 workers), and drives each endpoint with wrk
(8 connections), each run right after a run of the bare app. Prints req/s, p50/p99 and
the ratio to bare Flask, and writes them into BENCHMARKS.md.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.serve import gunicorn  # noqa: E402 - after making the repo importable

ADMIN_URL = os.environ.get("BENCH_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DATABASE = os.environ.get("BENCH_DATABASE", "attune_bench")
DATABASE_URL = f"postgresql+psycopg://postgres@127.0.0.1:5432/{DATABASE}"
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
PASSWORD = "a long bench passphrase"  # noqa: S105 - a throwaway bench account

TARGETS = {"list": 0.40, "prompts": 0.35, "summary": 0.25, "post": 0.30}
READ_P99_MS = 50.0


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


def ensure_wrk() -> str:
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
        sys.exit("make bench needs wrk: apt-get install wrk")
    return found


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DATABASE}"')


def seed() -> dict[str, str]:
    """Migrate, then seed two partners with a year of history; return their tokens."""
    from flask_migrate import upgrade

    from api import create_app
    from api.config import Config
    from models import CheckIn, Response, db

    env = {
        "DATABASE_URL": DATABASE_URL,
        "RATELIMIT_ENABLED": "false",
        "JWT_ACCESS_TOKEN_MINUTES": "120",
        "LOG_JSON": "false",
    }
    app = create_app(Config(env))
    with app.app_context():
        upgrade()
    client = app.test_client()
    users = {}
    for name in ("Alex", "Sam", "Kim"):
        body = client.post(
            "/api/v1/auth/register",
            json={
                "email": f"{name.lower()}@bench.example",
                "password": PASSWORD,
                "display_name": name,
                "timezone": "Europe/Berlin",
            },
        ).get_json()
        users[name] = body
    code = client.post("/api/v1/invites", headers=_bearer(users["Alex"])).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=_bearer(users["Sam"]))

    with app.app_context():
        now = datetime.now(UTC)
        start = now - timedelta(days=365)
        from models import Couple

        db.session.query(Couple).update({"paired_at": start - timedelta(days=1)})
        tones = ["sad", "tired", "calm", "happy", "stressed", "hopeful", "okay", "overwhelmed"]
        alex_id, sam_id = (uuid.UUID(users[n]["user"]["id"]) for n in ("Alex", "Sam"))
        rows, answers = [], []
        for day in range(365):
            for i, (author, responder) in enumerate(((alex_id, sam_id), (sam_id, alex_id))):
                at = start + timedelta(days=day, hours=8 + 10 * i)
                checkin_id = uuid.uuid4()
                rows.append(
                    CheckIn(
                        id=checkin_id,
                        author_id=author,
                        tone=tones[(day + i) % len(tones)],
                        energy=1 + (day * 3 + i) % 10,
                        need="comfort" if day % 3 == 0 else None,
                        note="Bench note",
                        visibility="partner",
                        recorded_at=at,
                        created_at=at,
                        request_hash="bench",
                    )
                )
                answers.append(
                    Response(
                        checkin_id=checkin_id,
                        author_id=responder,
                        kind="reflect",
                        message="I hear you.",
                        felt_heard=day % 2 == 0 or None,
                        created_at=at + timedelta(hours=1),
                    )
                )
        db.session.add_all(rows)
        db.session.flush()
        db.session.add_all(answers)
        db.session.commit()
        db.engine.dispose()
    # Today's check-ins, through the API, so prompts have something recent to work from.
    client.post(
        "/api/v1/checkins",
        json={"tone": "overwhelmed", "energy": 2, "need": "to_be_heard"},
        headers=_bearer(users["Sam"]),
    )
    client.post(
        "/api/v1/checkins", json={"tone": "excited", "energy": 9}, headers=_bearer(users["Alex"])
    )
    # A live database has planner statistics (autovacuum gathers them); without them the
    # first minute of the run would measure plans made for empty tables.
    import psycopg

    with psycopg.connect(DATABASE_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("ANALYZE")
    # Kim (not in the couple) takes the POST load, so the couple's reads are not measured
    # over thousands of check-ins that no real couple would post in a day.
    return {"alex": users["Alex"]["access_token"], "kim": users["Kim"]["access_token"]}


def _bearer(user: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {user['access_token']}"}


def serve(stack: ExitStack, module: str, health_path: str) -> str:
    # As in production: JSON access logs and rate limiting on (none of the measured
    # endpoints has a limit of its own, so the per-worker memory store is never hit, but
    # every request still pays for the limiter's check).
    env = {
        "DATABASE_URL": DATABASE_URL,
        "RATELIMIT_ENABLED": "true",
        "RATELIMIT_STORAGE_URI": "memory://",
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


def lua(method: str = "GET", token: str | None = None, body: str | None = None) -> str:
    lines = [f'wrk.method = "{method}"']
    if token:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
    if body:
        lines.append('wrk.headers["Content-Type"] = "application/json"')
        lines.append(f"wrk.body = '{body}'")
    return "\n".join(lines) + "\n"


def drive(wrk: str, name: str, url: str, script: str, seconds: int = SECONDS) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    port = url.split("//", 1)[1].split("/", 1)[0]
    before = cpu_seconds(port)
    out = subprocess.run(  # noqa: S603
        [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", handle.name, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    after = cpu_seconds(port)
    os.unlink(handle.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    done = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Result(
        name,
        rps,
        _percentile(out, "50%"),
        _percentile(out, "99%"),
        int(errors.group(1)) if errors else 0,
        app_cpu_ms=(after[0] - before[0]) / done * 1000,
        db_cpu_ms=(after[1] - before[1]) / done * 1000,
    )


def cpu_seconds(bind: str) -> tuple[float, float]:
    """CPU seconds used so far by the gunicorn serving `bind`, and by PostgreSQL (Linux)."""
    app = database = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue  # the process ended meanwhile
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        used = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        if "gunicorn" in cmdline and f" {bind} " in f"{cmdline} ":
            app += used
        elif comm.startswith("postgres"):
            database += used
    return app, database


def _percentile(out: str, label: str) -> float:
    value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main() -> None:
    wrk = ensure_wrk()
    print(
        f"database {DATABASE} on 127.0.0.1; {WORKERS} gunicorn workers; "
        f"wrk {CONNECTIONS} connections, {SECONDS}s a run"
    )
    fresh_database()
    tokens = seed()
    rows = []
    with ExitStack() as stack:
        api = serve(stack, "wsgi:app", "/healthz") + "/api/v1"
        bare = serve(stack, "bench.bare_app:app", "/ping") + "/ping"
        token = tokens["alex"]
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
                lua("POST", tokens["kim"], '{"tone": "calm", "energy": 4}'),
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
