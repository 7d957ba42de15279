"""`make demo` tells the week's story, and a reader can check every number it states."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from tests.live import ROOT, live_server

HEADING = re.compile(r"^\u2500\u2500 (.*) \u2500\u2500$")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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


@pytest.fixture(scope="module")
def story() -> str:
    done = _demo()
    assert done.returncode == 0, done.stderr
    return done.stdout


def _sections(story: str) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = []
    for line in story.splitlines():
        heading = HEADING.match(line)
        if heading:
            sections.append((heading.group(1), []))
        elif sections and line.strip():
            sections[-1][1].append(line)
    return sections


def _lines(story: str) -> list[str]:
    """The story with wrapped lines joined again."""
    joined: list[str] = []
    for line in story.splitlines():
        continues = (
            joined
            and line.startswith(" ")
            and not HEADING.match(joined[-1])
            and not line.lstrip().startswith(("-", "\u2713"))
        )
        if continues:
            indent = len(joined[-1]) - len(joined[-1].lstrip())
            if len(line) - len(line.lstrip()) == indent + 2:
                joined[-1] += " " + line.strip()
                continue
        joined.append(line)
    return joined


def _checkins(story: str) -> list[tuple[str, str, str]]:
    """(who, tone, local weekday felt) of each shared check-in the story shows."""
    found, weekday = [], None
    for line in _lines(story):
        heading = HEADING.match(line)
        if heading and heading.group(1).split()[0] in WEEKDAYS:
            weekday = heading.group(1).split()[0]
        shown = re.match(
            r"^  (\w+) checks in(, as felt on (\w+) .*?\(Europe/Berlin\))?: (\w+), energy", line
        )
        if shown:
            who, _felt, felt_on, tone = shown.groups()
            found.append((who, tone, felt_on or weekday))
        elif re.match(r"^  \w+ checks in privately", line):
            continue
    return found


def test_the_demo_plays_last_week_on_its_own_server(story):
    for day in ("Monday", "Wednesday", "Sunday"):
        assert day in story
    assert "they are paired" in story
    assert "[reflect]" in story and "[pace]" in story
    assert "did not quite feel heard" in story
    assert "The week together" in story and "Next week, try:" in story
    assert "{" not in story  # a transcript, not raw JSON


def test_every_heading_has_something_under_it(story):
    sections = _sections(story)
    assert len(sections) >= 8
    assert [heading for heading, lines in sections if not lines] == []


def test_times_are_the_couples_own_with_their_zone_named(story):
    day_headings = [h for h, _ in _sections(story) if h.split()[0] in WEEKDAYS]
    assert day_headings and all(h.endswith("(Europe/Berlin)") for h in day_headings)
    assert "UTC" not in story
    assert "as felt on Saturday 28 November, 22:30 (Europe/Berlin)" in story or re.search(
        r"as felt on Saturday \d\d \w+, 22:30 \(Europe/Berlin\)", story
    )


def test_no_python_literal_reaches_the_reader(story):
    assert re.findall(r"\b(True|False|None)\b", story) == []


def test_the_counts_match_the_check_ins_shown_above(story):
    checkins = _checkins(story)
    text = " ".join(_lines(story))
    for who in ("Alex", "Sam"):
        mine = [c for c in checkins if c[0] == who]
        days = {day for _who, _tone, day in mine}
        stated = re.search(rf"{who}: (\d+) shared check-ins? on (\d+) days?", text)
        assert stated, who
        assert (int(stated.group(1)), int(stated.group(2))) == (len(mine), len(days)), who
    # Sam's offline check-in was felt on Saturday, where Sam had checked in already.
    assert "Sam: 5 shared check-ins on 4 days (twice on Saturday)" in text
    assert "Friday's private one not counted" in text


def test_tones_are_counted_honestly(story):
    text = " ".join(_lines(story))
    for who in ("Alex", "Sam"):
        tones = Counter(tone for person, tone, _day in _checkins(story) if person == who)
        felt = re.search(rf"{who}: \d+ shared check-ins.*?; felt ([a-z ,]+?)(, once each)?\.", text)
        assert felt, who
        named = re.findall(r"[a-z]+", felt.group(1).replace(" and ", " "))
        assert set(named) - {"once", "twice", "times"} == set(tones), who
        if felt.group(2):
            assert set(tones.values()) == {1}, who
    assert "mostly" not in story


def test_rates_are_told_in_words_that_add_up(story):
    lines = _lines(story)
    text = " ".join(lines)
    answered = re.search(r"(\d+) of (\d+) check-ins got an answer within a day \((\d+)%\)", text)
    assert answered
    part, whole, percent = map(int, answered.groups())
    assert percent == round(100 * part / whole)
    heard = sum(1 for line in lines if re.fullmatch(r"  \w+ felt heard\.", line))
    missed = sum(1 for line in lines if line.strip().endswith("did not quite feel heard."))
    rated = re.search(r"(\d+) of the (\d+) rated felt heard \((\d+)%\), good enough", text)
    assert rated
    assert tuple(map(int, rated.groups())) == (heard, heard + missed, 80)
    responses = sum(1 for line in lines if re.match(r"^  \w+ responds \(", line))
    assert f"{responses} responses;" in text


def test_the_daily_question_is_part_of_the_week(story):
    assert story.count("Today's question") == 2
    assert story.count("now each reads the other's answer") == 2
    assert "The daily question: you both answered it on 2 days." in story


def test_the_demo_plays_against_a_running_server(tmp_path):
    with live_server(tmp_path) as base:
        done = _demo(DEMO_URL=base)
    assert done.returncode == 0, done.stderr
    assert "today's clock" in done.stdout and "The week together" in done.stdout
    assert re.findall(r"\b(True|False|None)\b", done.stdout) == []
