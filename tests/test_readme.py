"""The README's commands work when pasted, against a real server."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.live import ROOT, live_server


def _core_loop() -> str:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("<!-- core-loop:start -->")[1].split("<!-- core-loop:end -->")[0]
    (script,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    return script


def _paste(script: str, base: str) -> subprocess.CompletedProcess:
    """As a terminal runs a pasted block: no options set beforehand."""
    return subprocess.run(  # noqa: S603
        ["bash", "-c", script.replace("http://127.0.0.1:5000", base)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_readme_names_both_set_up_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme


def test_the_readme_points_nowhere_outside_the_repository():
    readme = (ROOT / "README.md").read_text()
    targets = re.findall(r"\]\(([^)]+)\)", readme)
    local = [t for t in targets if not t.startswith(("http://", "https://", "#"))]
    assert all((ROOT / target).exists() for target in local), local
    assert "../" not in readme


@pytest.mark.skipif(shutil.which("curl") is None, reason="the README's loop uses curl")
def test_the_core_loop_prints_one_answer_a_line_and_stops_at_the_first_failure(tmp_path):
    script = _core_loop()
    with live_server(tmp_path) as base:
        first = _paste(script, base)
        again = _paste(script, base)

    assert first.returncode == 0, first.stderr
    couple, checkin, prompts, response, rated, summary, alex, sam = (
        json.loads(line) for line in first.stdout.splitlines()
    )
    assert couple["partner"]["display_name"] == "Alex"
    assert checkin["tone"] == "overwhelmed" and checkin["quadrant"] == "low_unpleasant"
    assert prompts["partner_checkin"]["id"] == checkin["id"]
    # Sam asked to be heard: that need leads; then their own word is reflected back.
    assert [p["kind"] for p in prompts["prompts"]] == ["need", "reflect", "pace"]
    reflect = prompts["prompts"][1]
    assert any("overwhelmed" in p for p in [*reflect["phrases"], reflect["text"]])
    assert response["checkin_id"] == checkin["id"] and response["felt_heard"] is None
    assert rated["id"] == response["id"] and rated["felt_heard"] is True
    assert summary["partners"][1]["checkins"] == 1
    assert alex["partner_answered"] is False and alex["partner_answer"] is None
    assert sam["partner_answer"]["text"] == alex["my_answer"]["text"]

    # Pasted a second time: the email is taken, and nothing runs after that first call.
    assert again.returncode != 0
    assert again.stdout == ""
    assert '"code": "email_taken"' in again.stderr
    assert "Stopped: the call above failed" in again.stderr
    assert "Traceback" not in again.stderr
