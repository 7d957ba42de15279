"""`make demo` tells the week's story, on its own server or against a running one."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.live import ROOT, live_server


def _demo(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "demo" / "week.py")],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_the_demo_plays_last_week_on_its_own_server():
    done = _demo()
    assert done.returncode == 0, done.stderr
    story = done.stdout
    for day in ("Monday", "Wednesday", "Sunday"):
        assert day in story
    assert "they are paired" in story
    assert "[reflect]" in story and "[pace]" in story
    assert "did not quite feel heard" in story
    assert "The week together" in story and "Next week, try:" in story
    assert "{" not in story  # a transcript, not raw JSON


def test_the_demo_plays_against_a_running_server(tmp_path):
    with live_server(tmp_path) as base:
        done = _demo(DEMO_URL=base)
    assert done.returncode == 0, done.stderr
    assert "today's clock" in done.stdout and "The week together" in done.stdout
