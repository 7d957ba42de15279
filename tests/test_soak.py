"""`make soak` judges what it measured: any error, or memory growing more than 10%, fails."""

from __future__ import annotations

import json

from bench.soak import MIX, Verdict, judge, mixed_script, peaks, read_server_log, report
from devtools.wrk import WrkRun, parse

WRK_OUTPUT = """Running 10m test @ http://127.0.0.1:8000
  2 threads and 8 connections
  Latency Distribution
     50%    7.51ms
     75%   10.01ms
     90%   14.51ms
     99%   17.84ms
  26344 requests in 30.08s, 40.10MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    875.89
"""


def _run(non_2xx: int = 0, sockets: int = 0) -> WrkRun:
    return WrkRun(1000, 100.0, 1.0, 2.0, 3.0, non_2xx, sockets, "")


def test_wrk_output_is_read_with_its_errors():
    run = parse(WRK_OUTPUT)
    assert (run.requests, run.rps, run.p99_ms) == (26344, 875.89, 17.84)
    assert (run.non_2xx, run.socket_errors, run.errors) == (4, 3, 7)


def test_a_clean_run_with_flat_memory_passes():
    assert judge(_run(), [], {1: 100_000, 2: 100_000}, {1: 109_000, 2: 101_000}).passed


def test_any_error_fails_the_soak():
    assert not judge(_run(non_2xx=1), [], {1: 100}, {1: 100}).passed
    assert not judge(_run(sockets=1), [], {1: 100}, {1: 100}).passed
    assert not judge(_run(), ['{"level": "error"}'], {1: 100}, {1: 100}).passed


def test_one_worker_growing_more_than_10_percent_fails_the_soak():
    verdict = judge(_run(), [], {1: 100_000, 2: 100_000}, {1: 111_000, 2: 95_000})
    assert not verdict.passed
    assert verdict.reasons == ["worker 1 grew +11.0%"]


def test_a_worker_replaced_during_the_run_fails_the_soak():
    assert not judge(_run(), [], {1: 100, 2: 100}, {1: 100, 3: 50}).passed


def test_the_server_log_gives_routes_and_error_lines():
    lines = [
        json.dumps(
            {"logger": "api.access", "method": "GET", "route": "/me", "status": s, "duration_ms": d}
        )
        for s, d in [(200, 1.0)] * 99 + [(500, 9.0)]
    ]
    lines += ['{"level": "error", "logger": "api.http.errors", "message": "unhandled"}']
    lines += ["[2026-11-30 12:00:00 +0000] [7] [ERROR] Exception in worker process"]
    (stats,), bad = read_server_log("\n".join(lines))
    assert (stats.route, stats.count, stats.p99_ms, stats.failures) == ("GET /me", 100, 9.0, 1)
    assert len(bad) == 2


def test_the_mix_sends_each_request_as_often_as_its_weight():
    script = mixed_script({"alex": "A", "sam": "S", "kim": "K"})
    assert script.count("wrk.format(") == sum(weight for *_, weight in MIX)
    assert script.count('"POST"') == 2 and "Bearer K" in script


def test_the_report_shows_each_worker_s_memory_start_end_and_peak():
    samples = [(0.0, {7: 1024 * 80}), (5.0, {7: 1024 * 90}), (10.0, {7: 1024 * 82})]
    text = report(
        _run(), [], [], samples[0][1], samples[-1][1], Verdict(True, []), peaks(samples), 3
    )
    (worker,) = [line for line in text.splitlines() if line.startswith("  worker 7")]
    assert worker.split()[2:] == ["80.0", "82.0", "90.0", "+2.5%"]
    assert "PASS" in text and "requests  1000" in text
