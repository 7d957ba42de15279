"""The attunement prompt engine: from two check-ins to one phone screen of prompts.

Pure: plain data in, plain data out; no Flask, no SQLAlchemy, no clock of its own. The
rules are API.md "Attunement prompts" (ATTUNEMENT.md says why); the words live in
`catalog.py` and are rendered through the injected `translate`.

Calling it
----------
::

    build_prompts(
        partner,                 # Feeling | None: the partner check-in to attune to
        own,                     # Feeling | None: the caller's latest check-in
        partner_name="Sam",
        my_name="Alex",
        now=partner_local_now,   # aware datetime, in the PARTNER's time zone
        history=PartnerHistory(ordinal=41, recent=(RecentCheckIn(...), ...)),
        detail="brief",          # "brief" | "full"
        setting="apart",         # "apart" | "together"
        translate=gettext,       # str -> str, gettext-like; default: English as written
        about_own_checkin=False, # GET /checkins/{own id}/prompts: no reach-out
    ) -> PromptSet(prompts=[Prompt, ...], avoid=[Avoid, ...])

What the resource computes (rule 10: these inputs, and only these, decide the answer):

- `Feeling(id, tone, energy, recorded_at, need=None, note=None)` for each check-in;
  `note` is the note text; only whether there is one matters (it is never quoted).
- `now`: the current time in the partner's zone,
  `clock.now().astimezone(ZoneInfo(partner.timezone))`. Only its hour (22:00-06:00 is
  late for them) and its date ("today" for rule 6; without a partner check-in, the day
  that picks the reach-out wording) are read, so the answer stays the same all hour.
- `history.ordinal`: the 0-based position of `partner` among the partner's shared
  (`partner`-visible) check-ins of this pairing, ordered by (recorded_at, id), i.e. how
  many such check-ins came before it. Every card's wording index is
  `(ordinal + fixed offset of the card) % 8`, so consecutive check-ins never repeat a
  wording and ten consecutive ones show eight.
- `history.recent`: the partner's last three shared check-ins of this pairing, newest
  first, as `RecentCheckIn(tone, energy, local_date)` with the date in the partner's zone
  (rule 6, the hard stretch). Fewer than three: no hard stretch.

What comes back: `Prompt(id, variant, kind, title, text, phrases, reason, signals)` in
the contract's field order, and `Avoid(id, text)`. `variant` is "<id>/<index>" (index
8..15 for a `together` wording); `signals` are stable untranslated names: `settle_first`,
`own_flooded`, `own_running_low`, `own_unpleasant`, `clash`, `need:<name>`,
`hard_stretch`, `tone:<tone>`, `quadrant:<quadrant>`, `energy_gap`, `partner_checkin`,
`advice_not_asked`, `no_recent_checkin`, and on the first prompt about the partner
`note` and `late_for_partner`. Phrases: a wording's `say` (then its `ask` where openers
fit); for a caller whose own check-in is unpleasant, its `uneasy` statements in place of
`say` where it has them, so nobody is handed a good feeling they don't have.

Order: self_attunement, reach_out, need, support, reflect, pace, presence,
resist_fixing. `brief` keeps the first three of settle-first, reach_out, need, support,
reflect and pace; `full` keeps every card that applies, the gentler self-attunement,
presence (not when they asked for space) and resist_fixing (not when they asked for
practical help) included: at most seven.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from api.attunement import catalog
from api.attunement.catalog import Card, Wording
from api.attunement.words import TONE_WORDS, Translator, identity, render
from models.vocabulary import Need, Pleasantness, Tone, quadrant

Detail = Literal["brief", "full"]
Setting = Literal["apart", "together"]
DETAILS: tuple[Detail, ...] = ("brief", "full")
SETTINGS: tuple[Setting, ...] = ("apart", "together")

GAP_WORTH_NAMING = 4
FLOODED_FROM = 7  # your own unpleasant energy at which you settle first
RUNNING_LOW_UP_TO = 2
CLASH_FROM = 7  # opposite feelings this strong on both sides: settle first
LOW_ENERGY_UP_TO = 5  # slow, soft pace; one question at most on the screen
VERY_LOW_ENERGY_UP_TO = 3  # fewer words: the brief screen's tighter budget
HARD_STRETCH_UP_TO = 3
HARD_STRETCH_CHECKINS = 3
HARD_STRETCH_DAYS = 5  # the last three fall on three dates among the five ending today
LATE_FROM_HOUR = 22
LATE_UNTIL_HOUR = 6

BRIEF_PROMPTS = 3
BRIEF_PHRASES = 2
BRIEF_AVOID = 3
FULL_PROMPTS = 7
BRIEF_WORDS_AT_LOW_ENERGY = 90
BRIEF_WORDS = 130


@dataclass(frozen=True)
class Feeling:
    """What a check-in says, as far as the prompts care."""

    id: str
    tone: Tone
    energy: int
    recorded_at: datetime
    need: Need | None = None
    note: str | None = None

    @property
    def pleasantness(self) -> Pleasantness:
        return self.tone.pleasantness

    @property
    def has_note(self) -> bool:
        return bool(self.note and self.note.strip())


@dataclass(frozen=True)
class RecentCheckIn:
    """One of the partner's recent shared check-ins, dated in the partner's zone."""

    tone: Tone
    energy: int
    local_date: date


@dataclass(frozen=True)
class PartnerHistory:
    """What the prompts need from the partner's earlier shared check-ins of the pairing."""

    ordinal: int = 0
    recent: tuple[RecentCheckIn, ...] = ()


@dataclass(frozen=True)
class Prompt:
    id: str
    variant: str
    kind: str
    title: str
    text: str
    phrases: tuple[str, ...]
    reason: str
    signals: tuple[str, ...]


@dataclass(frozen=True)
class Avoid:
    id: str
    text: str


@dataclass(frozen=True)
class PromptSet:
    prompts: list[Prompt] = field(default_factory=list)
    avoid: list[Avoid] = field(default_factory=list)


REFLECT_BY_TONE: dict[Tone, Card] = {
    **dict.fromkeys(
        (Tone.SAD, Tone.LONELY, Tone.TIRED, Tone.HURT, Tone.DISAPPOINTED, Tone.NUMB),
        catalog.REFLECT_HEAVY,
    ),
    **dict.fromkeys(
        (Tone.ANGRY, Tone.ANXIOUS, Tone.FRUSTRATED, Tone.STRESSED, Tone.OVERWHELMED),
        catalog.REFLECT_CHARGED,
    ),
    Tone.OKAY: catalog.REFLECT_NEUTRAL,
    **dict.fromkeys((Tone.CALM, Tone.CONTENT, Tone.RELAXED, Tone.GRATEFUL), catalog.REFLECT_SOFT),
    **dict.fromkeys(
        (Tone.HAPPY, Tone.EXCITED, Tone.HOPEFUL, Tone.PLAYFUL, Tone.LOVED),
        catalog.REFLECT_BRIGHT,
    ),
}


def is_late(partner_now: datetime) -> bool:
    """22:00 up to 06:00 on the partner's clock."""
    return partner_now.hour >= LATE_FROM_HOUR or partner_now.hour < LATE_UNTIL_HOUR


def opposite(one: Feeling, other: Feeling) -> bool:
    """One feels pleasant and the other unpleasant (neutral clashes with nothing)."""
    return {one.pleasantness, other.pleasantness} == {
        Pleasantness.PLEASANT,
        Pleasantness.UNPLEASANT,
    }


def hard_stretch(recent: Sequence[RecentCheckIn], today: date) -> bool:
    """Rule 6: the last three on three dates among the five ending today, all low and heavy."""
    last = recent[:HARD_STRETCH_CHECKINS]
    if len(last) < HARD_STRETCH_CHECKINS:
        return False
    first_day = today - timedelta(days=HARD_STRETCH_DAYS - 1)
    return len({c.local_date for c in last}) == HARD_STRETCH_CHECKINS and all(
        first_day <= c.local_date <= today
        and c.tone.pleasantness is Pleasantness.UNPLEASANT
        and c.energy <= HARD_STRETCH_UP_TO
        for c in last
    )


def pace_card(partner: Feeling) -> Card:
    """Slow and soft for low energy, steady for high unpleasant, join high pleasant."""
    low = partner.energy <= LOW_ENERGY_UP_TO
    if partner.pleasantness is Pleasantness.UNPLEASANT:
        return catalog.PACE_SLOW if low else catalog.PACE_STEADY
    if partner.pleasantness is Pleasantness.PLEASANT:
        return catalog.PACE_GENTLE if low else catalog.PACE_JOIN
    return catalog.PACE_SLOW if partner.energy <= VERY_LOW_ENERGY_UP_TO else catalog.PACE_EASY


def offset(key: str) -> int:
    """A fixed offset per card, so cards don't all start on their first wording."""
    return zlib.crc32(key.encode())


def wording_index(card: Card, setting: Setting, ordinal: int) -> int:
    """The variant index: slot (ordinal + offset) % n, shifted by n for `together`."""
    slot = (ordinal + offset(card.id)) % len(card.apart)
    return len(card.apart) + slot if setting == "together" and card.together else slot


@dataclass
class _Slot:
    """A card chosen for the screen, before it is put into words."""

    card: Card
    signals: list[str]
    reasons: list[str]
    asks: bool = False  # may show openers (questions, invitations)
    about_partner: bool = True
    lead: str | None = None  # a message put before the text


class _Writer:
    def __init__(
        self, translate: Translator, values: dict[str, object], ordinal: int, setting: Setting
    ) -> None:
        self.translate = translate
        self.values = values
        self.ordinal = ordinal
        self.setting = setting

    def words(self, message: str) -> str:
        return render(self.translate, message, self.values)

    def line(self, key: str, lines: Sequence[str]) -> str:
        """The message of a rotating line (a lead) for this check-in."""
        return lines[(self.ordinal + offset(key)) % len(lines)]

    def wording(self, card: Card) -> tuple[int, Wording]:
        index = wording_index(card, self.setting, self.ordinal)
        wordings = card.apart + card.together
        return index, wordings[index]


def _settle_slot(own: Feeling | None, partner: Feeling | None) -> _Slot | None:
    """Rule 1: flooded, running low, or a strong clash of opposite feelings."""
    if own is None:
        return None
    unpleasant = own.pleasantness is Pleasantness.UNPLEASANT
    clash = (
        partner is not None
        and opposite(own, partner)
        and own.energy >= CLASH_FROM
        and partner.energy >= CLASH_FROM
    )
    clash_signals = ["clash"] if clash else []
    clash_reasons = [catalog.REASON_CLASH] if clash else []
    if unpleasant and own.energy >= FLOODED_FROM:
        return _Slot(
            catalog.SETTLE_FLOODED,
            ["settle_first", "own_flooded", *clash_signals],
            [catalog.REASON_OWN, *clash_reasons],
            about_partner=False,
        )
    if unpleasant and own.energy <= RUNNING_LOW_UP_TO:
        return _Slot(
            catalog.SETTLE_LOW,
            ["settle_first", "own_running_low"],
            [catalog.REASON_OWN],
            about_partner=False,
        )
    if clash:
        return _Slot(
            catalog.SETTLE_CLASH,
            ["settle_first", "clash"],
            [catalog.REASON_CLASH],
            about_partner=False,
        )
    return None


def _pace_slot(partner: Feeling, own: Feeling | None) -> _Slot:
    """Rule 3: the pace for their energy, naming an energy gap and a clash of feelings."""
    signals = [f"quadrant:{quadrant(partner.tone, partner.energy).value}"]
    reasons = [catalog.REASON_PACE]
    lead: str | None = None
    if own is not None:
        gap = abs(own.energy - partner.energy) >= GAP_WORTH_NAMING
        clash = opposite(own, partner)
        you_up = own.pleasantness is Pleasantness.PLEASANT
        if gap:
            signals.append("energy_gap")
            reasons.append(catalog.REASON_GAP)
        if clash:
            signals.append("clash")
            reasons.append(catalog.REASON_PACE_CLASH)
        if gap and clash:
            lead = "gap_and_clash_up" if you_up else "gap_and_clash_down"
        elif gap:
            lead = "gap_higher" if own.energy > partner.energy else "gap_lower"
        elif clash:
            lead = "clash_up" if you_up else "clash_down"
    return _Slot(pace_card(partner), signals, reasons, lead=lead)


PACE_LEADS: dict[str, tuple[str, ...]] = {
    "gap_higher": catalog.GAP_YOU_HIGHER,
    "gap_lower": catalog.GAP_YOU_LOWER,
    "clash_up": catalog.CLASH_YOU_UP,
    "clash_down": catalog.CLASH_YOU_DOWN,
    "gap_and_clash_up": catalog.GAP_AND_CLASH_YOU_UP,
    "gap_and_clash_down": catalog.GAP_AND_CLASH_YOU_DOWN,
}


def _slots(
    partner: Feeling | None,
    own: Feeling | None,
    *,
    brief: bool,
    today: date,
    history: PartnerHistory,
    about_own_checkin: bool,
) -> list[_Slot]:
    """Every card that applies, in screen order (brief: only those brief may show)."""
    slots: list[_Slot] = []
    settle = _settle_slot(own, partner)
    if settle is not None:
        slots.append(settle)
    elif own is not None and own.pleasantness is Pleasantness.UNPLEASANT and not brief:
        slots.append(
            _Slot(
                catalog.SELF_GENTLE,
                ["own_unpleasant"],
                [catalog.REASON_OWN],
                about_partner=False,
            )
        )
    stretch = hard_stretch(history.recent, today)
    support = _Slot(catalog.SUPPORT, ["hard_stretch"], [catalog.REASON_SUPPORT])

    if partner is None:
        if not about_own_checkin:
            slots.append(
                _Slot(
                    catalog.REACH_OUT,
                    ["no_recent_checkin"],
                    [catalog.REASON_REACH_OUT],
                    asks=True,
                )
            )
            if stretch:
                slots.append(support)
        return slots

    need = partner.need
    if need is not None:
        slots.append(
            _Slot(
                catalog.NEEDS[need],
                [f"need:{need.value}"],
                [catalog.REASON_NEED[need]],
                asks=True,
            )
        )
    if stretch:
        slots.append(support)
    slots.append(
        _Slot(
            REFLECT_BY_TONE[partner.tone], [f"tone:{partner.tone.value}"], [catalog.REASON_REFLECT]
        )
    )
    slots.append(_pace_slot(partner, own))
    if not brief:
        if need is not Need.SPACE:
            slots.append(_Slot(catalog.PRESENCE, ["partner_checkin"], [catalog.REASON_PRESENCE]))
        if need is not Need.PRACTICAL_HELP:
            good = partner.pleasantness is Pleasantness.PLEASANT
            card = catalog.RESIST_FIXING_GOOD if good else catalog.RESIST_FIXING
            slots.append(_Slot(card, ["advice_not_asked"], [catalog.REASON_RESIST]))
    return slots


def _avoid_ids(partner: Feeling, settle: bool, late: bool) -> list[str]:
    """What misses the mark, most important first (brief shows the first three)."""
    need = partner.need
    unpleasant = partner.pleasantness is Pleasantness.UNPLEASANT
    conditions = [
        ("avoid.chasing", need is Need.SPACE),
        ("avoid.digging", need is Need.DISTRACTION),
        ("avoid.empty_promises", need is Need.ENCOURAGEMENT),
        ("avoid.advice_without_asking", need is Need.PRACTICAL_HELP),
        # Cheering up is welcome when they asked to be taken out of the feeling.
        ("avoid.jokes", unpleasant and need is not Need.DISTRACTION),
        ("avoid.escalating", unpleasant and partner.energy > LOW_ENERGY_UP_TO),
        ("avoid.high_energy", partner.energy <= LOW_ENERGY_UP_TO),
        ("avoid.dampening", partner.pleasantness is Pleasantness.PLEASANT),
        ("avoid.reply_before_settling", settle),
        ("avoid.long_talk", late),
        ("avoid.fixing", need is not Need.PRACTICAL_HELP),
        ("avoid.minimising", unpleasant),
        ("avoid.about_you", True),
    ]
    return [avoid_id for avoid_id, applies in conditions if applies]


def _fold_lead(partner: Feeling | None, late: bool) -> str | None:
    """Rules 4 and 5: which guidance the first prompt about the partner opens with."""
    note = partner is not None and partner.has_note
    if note and late:
        return "note_and_late"
    if note:
        return "note"
    if late:
        return "late"
    return None


FOLD_LEADS: dict[str, tuple[str, ...]] = {
    "note": catalog.NOTE_LEADS,
    "late": catalog.LATE_LEADS,
    "note_and_late": catalog.NOTE_AND_LATE_LEADS,
}


def build_prompts(
    partner: Feeling | None,
    own: Feeling | None,
    *,
    partner_name: str,
    my_name: str,
    now: datetime,
    history: PartnerHistory | None = None,
    detail: Detail = "brief",
    setting: Setting = "apart",
    translate: Translator = identity,
    about_own_checkin: bool = False,
) -> PromptSet:
    """What helps the caller meet their partner where they are (see the module docstring).

    `partner` is the partner check-in to attune to (None when they have not shared one
    lately); `own` is the caller's latest. With `about_own_checkin` and no `partner`,
    the prompts are about the caller's own check-in alone: no reach-out.
    """
    if detail not in DETAILS:
        raise ValueError(f"detail must be one of {DETAILS}, not {detail!r}")
    if setting not in SETTINGS:
        raise ValueError(f"setting must be one of {SETTINGS}, not {setting!r}")
    history = history or PartnerHistory()
    brief = detail == "brief"
    late = is_late(now)
    today = now.date()
    # Without a partner check-in there is no ordinal: the day turns the wording instead.
    ordinal = history.ordinal if partner is not None else today.toordinal()

    values: dict[str, object] = {"partner": partner_name, "me": my_name}
    if partner is not None:
        values.update(tone=translate(TONE_WORDS[partner.tone]), energy=partner.energy)
    if own is not None:
        values.update(my_tone=translate(TONE_WORDS[own.tone]), my_energy=own.energy)
    if partner is not None and own is not None:
        values["gap"] = abs(own.energy - partner.energy)
    values["check_back"] = translate(catalog.CHECK_BACK_LATE if late else catalog.CHECK_BACK_SOON)
    writer = _Writer(translate, values, ordinal, setting)

    slots = _slots(
        partner,
        own,
        brief=brief,
        today=today,
        history=history,
        about_own_checkin=about_own_checkin,
    )[: BRIEF_PROMPTS if brief else FULL_PROMPTS]

    # Openers that would contradict the partner's need or the hour are left out.
    need = partner.need if partner is not None else None
    quiet = need in (Need.SPACE, Need.DISTRACTION) or late
    one_question = partner is not None and partner.energy <= LOW_ENERGY_UP_TO
    # Never hand a caller who feels bad a good feeling to claim (a shared "I'm enjoying this").
    uneasy = own is not None and own.pleasantness is Pleasantness.UNPLEASANT
    fold = _fold_lead(partner, late)
    folded = False
    asked = False
    prompts: list[Prompt] = []
    for slot in slots:
        index, wording = writer.wording(slot.card)
        signals = list(slot.signals)
        reasons = list(slot.reasons)
        leads: list[str] = []
        if fold is not None and slot.about_partner and not folded:
            folded = True
            leads.append(writer.line(f"lead.{fold}", FOLD_LEADS[fold]))
            if "note" in fold:
                signals.append("note")
                reasons.append(catalog.REASON_NOTE)
            if "late" in fold:
                signals.append("late_for_partner")
                reasons.append(catalog.REASON_LATE)
        if slot.lead is not None:
            leads.append(writer.line(f"lead.{slot.lead}", PACE_LEADS[slot.lead]))
        elif slot.card.kind == "pace":
            leads.append(catalog.PACE_WHERE)

        # A need's own openers serve it; a reach-out is a question by nature.
        asks_allowed = (slot.asks or not quiet) and not (one_question and asked)
        asks = wording.ask if asks_allowed else ()
        say = wording.uneasy if uneasy and wording.uneasy else wording.say
        chosen = (say[:1] + (asks[:1] if asks else say[1:2])) if brief else say + asks
        phrases = tuple(writer.words(p) for p in chosen[: BRIEF_PHRASES if brief else None])
        asked = asked or any(p in asks and "?" in p for p in chosen)

        prompts.append(
            Prompt(
                id=slot.card.id,
                variant=f"{slot.card.id}/{index}",
                kind=slot.card.kind,
                title=writer.words(wording.title),
                text=" ".join(writer.words(m) for m in [*leads, wording.text]),
                phrases=phrases,
                reason=" ".join(writer.words(m) for m in reasons),
                signals=tuple(signals),
            )
        )

    avoid: list[Avoid] = []
    if partner is not None:
        settle = any("settle_first" in p.signals for p in prompts)
        ids = _avoid_ids(partner, settle, late)
        avoid = [
            Avoid(avoid_id, writer.words(catalog.AVOID[avoid_id]))
            for avoid_id in ids[: BRIEF_AVOID if brief else None]
        ]
    return PromptSet(prompts=prompts, avoid=avoid)
