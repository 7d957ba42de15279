"""The README's commands work when pasted in order, against a real server."""

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


def _json_values(text: str) -> list:
    """curl prints one JSON body after another with nothing between them."""
    decoder, values, at = json.JSONDecoder(), [], 0
    while at < len(text):
        if text[at].isspace():
            at += 1
            continue
        value, at = decoder.raw_decode(text, at)
        values.append(value)
    return values


def test_the_readme_names_both_set_up_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme


@pytest.mark.skipif(shutil.which("curl") is None, reason="the README's loop uses curl")
def test_the_core_loop_in_the_readme_runs_as_written(tmp_path):
    script = _core_loop()
    with live_server(tmp_path) as base:
        done = subprocess.run(  # noqa: S603
            ["bash", "-euo", "pipefail", "-c", script.replace("http://127.0.0.1:5000", base)],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    couple, checkin, prompts, summary = _json_values(done.stdout)
    assert couple["partner"]["display_name"] == "Alex"
    assert checkin["tone"] == "overwhelmed" and checkin["quadrant"] == "low_unpleasant"
    assert prompts["partner_checkin"]["id"] == checkin["id"]
    # Sam asked to be heard: that need leads; then their own word is reflected back.
    assert [p["kind"] for p in prompts["prompts"]] == ["need", "reflect", "pace"]
    reflect = prompts["prompts"][1]
    assert any("overwhelmed" in p for p in [*reflect["phrases"], reflect["text"]])
    assert summary["partners"][1]["checkins"] == 1
