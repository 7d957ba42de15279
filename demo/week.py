"""`make demo`: two partners, one week, told as a story a reader can check.

Without DEMO_URL it starts its own server on a free port (a fresh SQLite database, a clock
it can move) and plays Monday to Sunday of last week, in the couple's time zone. With
DEMO_URL (for instance a `make run` in another terminal) it plays against that server, all
on today's clock.

Every number the weekly summary states is told in words next to what it counts, and the
demo checks it against the lines it printed above: a summary that disagrees with the
transcript stops the demo.
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
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.serve import gunicorn, migrate  # noqa: E402 - after making the repo importable

PASSWORD = "a long demo passphrase"  # noqa: S105 - throwaway demo accounts
ZONE_NAME = "Europe/Berlin"
ZONE = ZoneInfo(ZONE_NAME)
WORD_FOR_TIMES = {1: "once", 2: "twice"}


class Api:
    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")

    def call(self, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}/api/v1{path}", data=data, method=method)  # noqa: S310
        request.add_header("Accept-Language", "en")  # the story is told in English
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
                f"{method} {path} failed: {error.code} {problem.get('code')}: "
                f"{problem.get('detail')}"
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
            self.path.write_text(self.now.astimezone(UTC).isoformat())


def say(line: str = "", indent: int = 0) -> None:
    prefix = " " * indent
    print(
        textwrap.fill(line, width=96, initial_indent=prefix, subsequent_indent=prefix + "  ")
        if line
        else ""
    )


def local(moment: datetime) -> str:
    """A moment as the couple reads it: their weekday and clock, their zone named."""
    return f"{moment.astimezone(ZONE):%A %d %B, %H:%M} ({ZONE_NAME})"


def heading(text: str) -> None:
    say()
    say(f"\u2500\u2500 {text} \u2500\u2500")


def times(count: int) -> str:
    return WORD_FOR_TIMES.get(count, f"{count} times")


def listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def percent(part: int, whole: int) -> str:
    return f" ({round(100 * part / whole)}%)" if whole else ""


@dataclass
class Person:
    name: str
    token: str
    # (tone, energy, the local date it was felt) of each check-in the partner may see
    shared: list[tuple[str, int, date]] = field(default_factory=list)
    private_days: list[date] = field(default_factory=list)


@dataclass
class Transcript:
    """What the story showed, to hold the summary's numbers against."""

    responses: int = 0
    ratings: list[bool] = field(default_factory=list)
    answered_together: set[date] = field(default_factory=set)


def show_prompts(api: Api, who: Person, about: Person) -> None:
    prompts = api.call("GET", "/prompts", who.token)
    say(f"{who.name} opens the app and gets prompts for meeting {about.name}:", 2)
    for prompt in prompts["prompts"]:
        say(f"- [{prompt['kind']}] {prompt['title']}: {prompt['text']}", 4)
        if prompt["phrases"]:
            say(f"  try: \u201c{prompt['phrases'][0]}\u201d", 4)
    if prompts["avoid"]:
        say("avoid: " + " ".join(a["text"] for a in prompts["avoid"]), 4)


def check_in(api: Api, who: Person, felt: datetime | None = None, **fields: Any) -> dict:
    # recorded_at defaults to the server's now; only an offline sync sends it.
    if felt is not None:
        fields["recorded_at"] = felt.astimezone(UTC).isoformat()
    checkin = api.call("POST", "/checkins", who.token, fields)
    need = f", needs {checkin['need'].replace('_', ' ')}" if checkin["need"] else ""
    note = f" \u2014 \u201c{checkin['note']}\u201d" if checkin["note"] else ""
    private = f" privately (only {who.name} sees it)" if checkin["visibility"] == "private" else ""
    when = f", as felt on {local(felt)}" if felt is not None else ""
    say(
        f"{who.name} checks in{private}{when}: {checkin['tone']}, energy {checkin['energy']}"
        f"{need}{note}  [{checkin['quadrant']}]",
        2,
    )
    felt_on = datetime.fromisoformat(checkin["recorded_at"]).astimezone(ZONE).date()
    if checkin["visibility"] == "partner":
        who.shared.append((checkin["tone"], checkin["energy"], felt_on))
    else:
        who.private_days.append(felt_on)
    return checkin


def respond(api: Api, story: Transcript, who: Person, checkin: dict, kind: str, text: str) -> dict:
    response = api.call(
        "POST", f"/checkins/{checkin['id']}/responses", who.token, {"kind": kind, "message": text}
    )
    story.responses += 1
    say(f"{who.name} responds ({kind}): \u201c{text}\u201d", 2)
    return response


def rate(api: Api, story: Transcript, who: Person, response: dict, felt_heard: bool) -> None:
    api.call(
        "PUT", f"/responses/{response['id']}/felt-heard", who.token, {"felt_heard": felt_heard}
    )
    story.ratings.append(felt_heard)
    say(f"{who.name} {'felt heard' if felt_heard else 'did not quite feel heard'}.", 2)


def daily_question(api: Api, story: Transcript, first: Person, second: Person) -> None:
    """Both answer today's question; the second reads the first's answer only after theirs.

    The server picks the question, so the story leaves out the answers' words (it cannot
    know which would fit); the app shows them to the two of them.
    """
    today = api.call("GET", "/questions/today", first.token)
    question = today["question"]
    say(f"Today's question ({question['depth']}): \u201c{question['text']}\u201d", 2)
    api.call("PUT", f"/questions/{today['id']}/answer", first.token, {"text": "My answer."})
    say(f"{first.name} answers it.", 2)
    seen = api.call("GET", "/questions/today", second.token)
    if seen["partner_answered"] and seen["partner_answer"] is None:
        say(f"{second.name} sees that {first.name} answered; it opens once {second.name} does.", 2)
    both = api.call("PUT", f"/questions/{seen['id']}/answer", second.token, {"text": "Mine."})
    if both["partner_answer"] is not None:
        say(f"{second.name} answers, and now each reads the other's answer.", 2)
        story.answered_together.add(date.fromisoformat(both["date"]))


def tell_summary(summary: dict, people: dict[str, Person], story: Transcript) -> None:
    """The week's summary in words, each number checked against the transcript above."""

    def agree(what: str, api_says: Any, shown: Any) -> None:
        if api_says != shown:
            raise SystemExit(f"the summary says {what} {api_says}; the story above shows {shown}")

    start, end = date.fromisoformat(summary["start_date"]), date.fromisoformat(summary["end_date"])
    say(
        f"Alex opens the summary of {summary['week']} (Monday {start:%d %B} to Sunday "
        f"{end:%d %B}, days counted in {summary['timezone']}). It counts shared check-ins only.",
        2,
    )
    for partner in summary["partners"]:
        person = people[partner["display_name"]]
        tones = Counter(tone for tone, _energy, _day in person.shared)
        days = Counter(day for _tone, _energy, day in person.shared)
        agree(f"{person.name} checked in", partner["checkins"], len(person.shared))
        agree(f"{person.name} checked in on days:", partner["days_checked_in"], len(days))
        notes = [f"{times(n)} on {day:%A}" for day, n in days.items() if n > 1]
        notes += [f"{day:%A}'s private one not counted" for day in person.private_days]
        felt = (
            f"{listed(list(tones))}, once each"
            if set(tones.values()) == {1}
            else listed([f"{tone} {times(n)}" for tone, n in tones.most_common()])
        )
        average = partner["average_energy"]
        energy = "no energy to average" if average is None else f"energy {average:g} on average"
        say(
            f"{person.name}: {plural(partner['checkins'], 'shared check-in')} on "
            f"{plural(partner['days_checked_in'], 'day')}"
            + (f" ({'; '.join(notes)})" if notes else "")
            + f"; {energy}; felt {felt}.",
            4,
        )
    together = summary["together"]
    both = together["days_both_checked_in"]
    gap = together["average_energy_gap"]
    pair = [people[partner["display_name"]] for partner in summary["partners"]]
    together_on = sorted(set.intersection(*({d for *_, d in p.shared} for p in pair)))
    agree("both checked in on days:", both, len(together_on))

    def energy_on(person: Person, day: date) -> str:
        energies = [e for _t, e, d in person.shared if d == day]
        mean = f"{sum(energies) / len(energies):.3g}"
        return f"{person.name} at {mean}" + (" on average" if len(energies) > 1 else "")

    energies = "; ".join(
        f"{day:%A}: " + ", ".join(energy_on(p, day) for p in pair) for day in together_on
    )
    say(
        f"Both of you checked in on {plural(both, 'day')}"
        + (f" ({energies})" if energies else "")
        + ("." if gap is None else f", {gap:g} points of energy apart on average."),
        4,
    )
    me, them = (p.name for p in pair)
    you, partner = together["turned_toward"]["you"], together["turned_toward"]["partner"]
    answered, of = you["answered"] + partner["answered"], you["of"] + partner["of"]
    waiting = together["awaiting_response"]
    say(
        f"{answered} of {of} check-ins got an answer within a day{percent(answered, of)}: "
        f"{me} answered {you['answered']} of {them}'s {you['of']}, {them} answered "
        f"{partner['answered']} of {me}'s {partner['of']}."
        + (
            f" {waiting} more {'is' if waiting == 1 else 'are'} still within the day for an "
            "answer, so not counted yet."
            if waiting
            else ""
        ),
        4,
    )
    agree("responses", together["responses"], story.responses)
    heard, rated = sum(story.ratings), len(story.ratings)
    if together["felt_heard_rate"] is None:
        landed = "none was rated yet, so nothing can be said about how they landed."
    else:
        agree("felt-heard rate", together["felt_heard_rate"], round(heard / rated, 2))
        verdict = (
            "good enough (about 30% is enough, and each miss is a chance to repair)"
            if together["good_enough"]
            else "under the 30% that is enough: ask \u201cdid that help?\u201d"
        )
        landed = f"{heard} of the {rated} rated felt heard{percent(heard, rated)}, {verdict}."
    say(f"{together['responses']} responses; {landed}", 4)
    repairs = together["repairs"]
    if repairs:
        say(
            f"{repairs} check-in{'s' if repairs != 1 else ''} got a repair: a response that did "
            "not land, then a later one that did.",
            4,
        )
    asked = together["questions_answered_together"]
    agree("the daily question answered together on days:", asked, len(story.answered_together))
    say(f"The daily question: you both answered it on {plural(asked, 'day')}.", 4)
    for highlight in summary["highlights"]:
        say(f"\u2713 {highlight}", 2)
    suggestion = summary["suggestion"]
    say(f"Next week, try: {suggestion['title']}. {suggestion['text']}", 2)
    say(f"(because: {suggestion['reason']})", 4)


def play(api: Api, clock: Clock, travels: bool) -> None:
    monday = clock.now.astimezone(ZONE).replace(hour=0, minute=0, second=0, microsecond=0)
    suffix = uuid.uuid4().hex[:6]
    story = Transcript()
    people: dict[str, Person] = {}

    def day(offset: int, hour: int, minute: int = 0) -> None:
        if travels:
            moment = (monday + timedelta(days=offset)).replace(hour=hour, minute=minute)
            clock.at(moment)
            heading(local(moment))

    def later(**delta: int) -> None:
        """Time passes within the day."""
        if travels:
            clock.at(clock.now + timedelta(**delta))
            say(f"Later, at {clock.now.astimezone(ZONE):%H:%M}:", 2)

    day(0, 8, 30)
    for name in ("Alex", "Sam"):
        body = api.call(
            "POST",
            "/auth/register",
            body={
                "email": f"{name.lower()}-{suffix}@demo.example",
                "password": PASSWORD,
                "display_name": name,
                "timezone": ZONE_NAME,
            },
        )
        people[name] = Person(name, body["access_token"])
    alex, sam = people["Alex"], people["Sam"]
    say(f"Alex and Sam create their accounts; both live in {ZONE_NAME}.", 2)
    invite = api.call("POST", "/invites", alex.token)
    say(f"Alex creates an invite code: {invite['code']} (good for 48 hours).", 2)
    couple = api.call(
        "POST", "/couple", sam.token, {"code": invite["code"].lower().replace("-", " ")}
    )
    say(
        "Sam types it in (any case, spaces are fine) and they are paired: "
        f"couple {couple['id'][:8]}\u2026",
        2,
    )

    day(0, 19, 30)
    deadline = check_in(
        api, sam, tone="overwhelmed", energy=2, need="to_be_heard", note="Deadline week."
    )
    check_in(api, alex, tone="excited", energy=9)
    show_prompts(api, alex, sam)
    answer = respond(
        api,
        story,
        alex,
        deadline,
        "reflect",
        "That sounds like a lot to carry. I'm here, no fixing.",
    )
    rate(api, story, sam, answer, True)

    day(0, 21, 30)
    daily_question(api, story, alex, sam)

    day(1, 22)
    tired = check_in(api, alex, tone="tired", energy=3, need="comfort")
    show_prompts(api, sam, alex)
    comfort = respond(api, story, sam, tired, "comfort", "Tea and the blanket are waiting for you.")
    rate(api, story, alex, comfort, True)

    day(2, 13)
    space = check_in(api, sam, tone="anxious", energy=7, need="space")
    show_prompts(api, alex, sam)
    first_try = respond(api, story, alex, space, "question", "Do you want to talk about it?")
    rate(api, story, sam, first_try, False)
    later(hours=1, minutes=30)
    repair = respond(
        api, story, alex, space, "presence", "Take the time you need. I'll check in after dinner."
    )
    rate(api, story, sam, repair, True)

    day(3, 20)
    win = check_in(
        api, alex, tone="happy", energy=8, need="celebration", note="The talk went well!"
    )
    cheer = respond(api, story, sam, win, "celebrate", "Tell me everything! Dinner is on me.")
    rate(api, story, alex, cheer, True)
    if travels:  # one question a date: on today's clock, Monday's was today's
        later(minutes=45)
        daily_question(api, story, sam, alex)

    day(4, 9)
    check_in(api, sam, tone="calm", energy=4)
    check_in(api, alex, tone="okay", energy=5, visibility="private", note="Just for me.")

    day(5, 11)
    sunny = check_in(api, sam, tone="playful", energy=7)
    respond(api, story, alex, sunny, "celebrate", "Park later?")

    if travels:
        day(6, 10)
        saturday_evening = monday + timedelta(days=5, hours=22, minutes=30)
        say(
            "Sam's phone was offline last night; the check-in syncs now, dated when it was felt.", 2
        )
        check_in(api, sam, felt=saturday_evening, tone="grateful", energy=5)
        clock.at(monday + timedelta(days=6, hours=21))
        heading(f"The week together, as Alex sees it on {local(clock.now)}")
    else:
        heading("The week together, as Alex sees it now")
    tell_summary(api.call("GET", "/couple/summary", alex.token), people, story)


def main() -> None:
    external = os.environ.get("DEMO_URL")
    if external:
        say(f"Attune demo against {external}: the week is played on today's clock.")
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        play(Api(external), Clock(None, now - timedelta(minutes=5)), travels=False)
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        today = datetime.now(ZONE)
        last_monday = (today - timedelta(days=today.weekday() + 7)).replace(
            hour=8, minute=0, second=0, microsecond=0
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
                f"Attune demo: a server on {base} (fresh database), playing last week, Monday "
                f"to Sunday, in the couple's time zone ({ZONE_NAME})."
            )
            play(Api(base), clock, travels=True)


if __name__ == "__main__":
    main()
