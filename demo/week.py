"""`make demo`: two partners, one week, told as a story.

Without DEMO_URL it starts its own server on a free port (a fresh SQLite database, a clock
it can move) and plays Monday to Sunday of last week. With DEMO_URL (for instance a
`make run` in another terminal) it plays against that server, all on today's clock.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import textwrap
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.serve import gunicorn, migrate  # noqa: E402 - after making the repo importable

PASSWORD = "a long demo passphrase"  # noqa: S105 - throwaway demo accounts


class Api:
    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")

    def call(self, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}/api/v1{path}", data=data, method=method)  # noqa: S310
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our server
                raw = response.read()
        except urllib.error.HTTPError as error:
            problem = json.loads(error.read() or b"{}")
            raise SystemExit(
                f"{method} {path} failed: {error.code} {problem.get('detail')}"
            ) from error
        return json.loads(raw) if raw else None


class Clock:
    """Moves the demo server's clock (a file it reads); on a real server, only narrates."""

    def __init__(self, path: Path | None, start: datetime) -> None:
        self.path, self.now = path, start
        self._write()

    def at(self, moment: datetime) -> None:
        self.now = moment
        self._write()

    def _write(self) -> None:
        if self.path is not None:
            self.path.write_text(self.now.isoformat())


def say(line: str = "", indent: int = 0) -> None:
    prefix = " " * indent
    print(
        textwrap.fill(line, width=96, initial_indent=prefix, subsequent_indent=prefix + "  ")
        if line
        else ""
    )


def show_prompts(api: Api, who: dict, about: str) -> None:
    prompts = api.call("GET", "/prompts", who["token"])
    say(f"{who['name']} opens the app and gets prompts for meeting {about}:", 2)
    for prompt in prompts["prompts"]:
        say(f"- [{prompt['kind']}] {prompt['title']}: {prompt['text']}", 4)
        if prompt["phrases"]:
            say(f"  try: \u201c{prompt['phrases'][0]}\u201d", 4)
    if prompts["avoid"]:
        say("avoid: " + " ".join(a["text"] for a in prompts["avoid"]), 4)


def check_in(api: Api, who: dict, **fields: Any) -> dict:
    # recorded_at defaults to the server's now; only an offline sync sends it.
    checkin = api.call("POST", "/checkins", who["token"], fields)
    need = f", needs {checkin['need'].replace('_', ' ')}" if checkin["need"] else ""
    note = f" \u2014 \u201c{checkin['note']}\u201d" if checkin["note"] else ""
    private = " (private)" if checkin["visibility"] == "private" else ""
    say(
        f"{who['name']} checks in{private}: {checkin['tone']}, energy {checkin['energy']}"
        f"{need}{note}  [{checkin['quadrant']}]",
        2,
    )
    return checkin


def respond(api: Api, who: dict, checkin: dict, kind: str, message: str) -> dict:
    response = api.call(
        "POST",
        f"/checkins/{checkin['id']}/responses",
        who["token"],
        {"kind": kind, "message": message},
    )
    say(f"{who['name']} responds ({kind}): \u201c{message}\u201d", 2)
    return response


def rate(api: Api, who: dict, response: dict, felt_heard: bool) -> None:
    api.call(
        "PUT", f"/responses/{response['id']}/felt-heard", who["token"], {"felt_heard": felt_heard}
    )
    say(f"{who['name']} {'felt heard' if felt_heard else 'did not quite feel heard'}.", 2)


def play(api: Api, clock: Clock, travels: bool) -> None:
    monday = clock.now
    suffix = uuid.uuid4().hex[:6]
    people = {}
    for name, zone in (("Alex", "Europe/Berlin"), ("Sam", "Europe/Berlin")):
        body = api.call(
            "POST",
            "/auth/register",
            body={
                "email": f"{name.lower()}-{suffix}@demo.example",
                "password": PASSWORD,
                "display_name": name,
                "timezone": zone,
            },
        )
        people[name] = {"name": name, "token": body["access_token"]}
    alex, sam = people["Alex"], people["Sam"]

    def day(offset: int, hour: int, minute: int = 0) -> None:
        clock.at(monday.replace(hour=hour, minute=minute) + timedelta(days=offset))
        if travels:
            say()
            say(f"\u2500\u2500 {clock.now:%A %d %B, %H:%M} UTC \u2500\u2500")

    day(0, 7, 30)
    say("Alex and Sam create their accounts.", 2)
    invite = api.call("POST", "/invites", alex["token"])
    say(f"Alex creates an invite code: {invite['code']} (good for 48 hours).", 2)
    couple = api.call(
        "POST", "/couple", sam["token"], {"code": invite["code"].lower().replace("-", " ")}
    )
    say(
        "Sam types it in (any case, spaces are fine) and they are paired: "
        f"couple {couple['id'][:8]}\u2026",
        2,
    )

    day(0, 18, 30)
    deadline = check_in(
        api, sam, tone="overwhelmed", energy=2, need="to_be_heard", note="Deadline week."
    )
    check_in(api, alex, tone="excited", energy=9)
    show_prompts(api, alex, "Sam")
    answer = respond(
        api, alex, deadline, "reflect", "That sounds like a lot to carry. I'm here, no fixing."
    )
    rate(api, sam, answer, True)

    day(1, 21)
    tired = check_in(api, alex, tone="tired", energy=3, need="comfort")
    show_prompts(api, sam, "Alex")
    rate(
        api,
        alex,
        respond(api, sam, tired, "comfort", "Tea and the blanket are waiting for you."),
        True,
    )

    day(2, 12)
    space = check_in(api, sam, tone="anxious", energy=7, need="space")
    show_prompts(api, alex, "Sam")
    first_try = respond(api, alex, space, "question", "Do you want to talk about it?")
    rate(api, sam, first_try, False)
    repair = respond(
        api, alex, space, "presence", "Take the time you need. I'll check in after dinner."
    )
    rate(api, sam, repair, True)

    day(3, 19)
    win = check_in(
        api, alex, tone="happy", energy=8, need="celebration", note="The talk went well!"
    )
    rate(
        api, alex, respond(api, sam, win, "celebrate", "Tell me everything! Dinner is on me."), True
    )

    day(4, 8)
    check_in(api, sam, tone="calm", energy=4)
    check_in(api, alex, tone="okay", energy=5, visibility="private", note="Just for me.")

    day(5, 10)
    sunny = check_in(api, sam, tone="playful", energy=7)
    respond(api, alex, sunny, "celebrate", "Park later?")

    day(6, 9)
    if travels:
        saturday_night = clock.now - timedelta(hours=10)
        say("Sam's phone was offline last night; the check-in syncs now, with when it was felt:", 2)
        check_in(api, sam, tone="grateful", energy=5, recorded_at=saturday_night.isoformat())

    day(6, 20)
    summary = api.call("GET", "/couple/summary", alex["token"])
    say()
    say(
        f"\u2500\u2500 The week together ({summary['week']}, {summary['start_date']} to "
        f"{summary['end_date']}, seen from {summary['timezone']}) \u2500\u2500"
    )
    for partner in summary["partners"]:
        say(
            f"{partner['display_name']}: {partner['checkins']} shared check-ins on "
            f"{partner['days_checked_in']} days, average energy {partner['average_energy']}, "
            f"mostly {', '.join(partner['top_tones']) or '-'}",
            2,
        )
    together = summary["together"]
    both = together["days_both_checked_in"]
    say(
        f"Together: both checked in on {both} day{'s' if both != 1 else ''}; "
        f"energy gap {together['average_energy_gap']}; "
        f"{together['responses']} responses; response rate {together['response_rate']}; "
        f"felt heard {together['felt_heard_rate']} (good enough: {together['good_enough']}); "
        f"awaiting a response: {together['awaiting_response']}",
        2,
    )
    for highlight in summary["highlights"]:
        say(f"\u2713 {highlight}", 2)
    suggestion = summary["suggestion"]
    say(f"Next week, try: {suggestion['title']}. {suggestion['text']}", 2)
    say(f"(because: {suggestion['reason']})", 4)


def main() -> None:
    external = os.environ.get("DEMO_URL")
    if external:
        say(f"Attune demo against {external}: the week is played on today's clock.")
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        play(Api(external), Clock(None, now - timedelta(minutes=5)), travels=False)
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        today = datetime.now(UTC)
        last_monday = (today - timedelta(days=today.weekday() + 7)).replace(
            hour=7, minute=0, second=0, microsecond=0
        )
        clock = Clock(workdir / "clock", last_monday)
        env = {
            "APP_ENV": "development",
            "DATABASE_URL": f"sqlite:///{workdir}/demo.sqlite",
            "DEMO_CLOCK_FILE": str(workdir / "clock"),
            "LOG_JSON": "false",
        }
        migrate(env)
        with gunicorn("demo.server:app", env) as base:
            say(
                f"Attune demo: a server on {base} (fresh database), "
                "playing last week, Monday to Sunday."
            )
            play(Api(base), clock, travels=True)


if __name__ == "__main__":
    main()
