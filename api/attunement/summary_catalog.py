"""Every word the weekly summary says (ATTUNEMENT.md, "The numbers behind the summary").

Honest by construction: a line that says "answered" or "landed" is only chosen when the
numbers hold it; no grades against lab figures, no streaks, no blame. Pairs of `one` and
`other` messages are picked by count (words.plural). Placeholders: {partner} (their
name), {count}, {answered}, {of}, {percent}, {before}, {gap}; keep them when translating.
"""

from __future__ import annotations

from api.attunement.words import N_

# ---- highlights -----------------------------------------------------------------------

BOTH_CHECKED_IN = (
    N_("You both checked in on the same day once this week."),
    N_("You both checked in on {count} days this week."),
)
BIDS_SHARED = (
    N_("One check-in shared this week: an invitation to connect."),
    N_("{count} check-ins shared this week: each one an invitation to connect."),
)

# Each direction on its own, and only when that direction holds at least one answer.
YOU_ANSWERED_ONE = N_("You answered {partner}'s check-in within a day.")
YOU_ANSWERED_BOTH = N_("You answered both of {partner}'s check-ins within a day.")
YOU_ANSWERED_ALL = N_("You answered all {of} of {partner}'s check-ins within a day.")
YOU_ANSWERED_SOME = N_("You answered {answered} of {partner}'s {of} check-ins within a day.")
PARTNER_ANSWERED_ONE = N_("{partner} answered your check-in within a day.")
PARTNER_ANSWERED_BOTH = N_("{partner} answered both of your check-ins within a day.")
PARTNER_ANSWERED_ALL = N_("{partner} answered all {of} of your check-ins within a day.")
PARTNER_ANSWERED_SOME = N_("{partner} answered {answered} of your {of} check-ins within a day.")

MORE_THAN_LAST_WEEK = N_(
    "More check-ins got an answer within a day than last week ({before} \u2192 {percent})."
)

# Felt heard, by band (only when at least one response was rated).
# A share as people read it: "67%" in English, "67 %" where a space comes first.
PERCENT = N_("{number}%")
# The rate counts both directions: whoever was answered is the one who felt heard.
FELT_HEARD_HIGH = N_(
    "{percent} of rated responses left the other person feeling heard: they are landing."
)
FELT_HEARD_GOOD_ENOUGH = N_(
    "{percent} of rated responses left the other person feeling heard. That's good enough: "
    "attunement doesn't need to be perfect, and each miss is a chance to repair."
)
FELT_HEARD_LOW = N_(
    "{percent} of rated responses left the other person feeling heard. Asking \u201cdid "
    "that help?\u201d after you answer shows what lands."
)

REPAIRS = (
    N_(
        "You repaired a miss this week: a response that didn't land, then one that did. "
        "That's worth celebrating."
    ),
    N_(
        "You repaired {count} misses this week: a response that didn't land, then one that "
        "did. That's worth celebrating."
    ),
)

ENERGY_CLOSE = N_("Your energy was close on the days you both checked in.")

QUESTIONS_TOGETHER = (
    N_("You both shared your thoughts on the daily question on one day."),
    N_("You both shared your thoughts on the daily question on {count} days."),
)

# ---- suggestions: one small thing the caller can try next week --------------------------

CHECK_IN_DAILY = {
    "title": N_("Share one check-in a day"),
    "text": N_(
        "Next week, try one short check-in a day each, and ask {partner} how they are when "
        "you see theirs."
    ),
    "phrases": (N_("How are you feeling today, really?"),),
    "reason": N_("No check-ins were shared this week."),
}

# The caller replied to a smaller share of check-ins than their partner did.
ANSWER_ONE_BID_A_DAY = {
    "title": N_("Answer one check-in a day"),
    "text": N_(
        "When {partner} checks in, send one small response within the day: a reflection, a "
        "warm word, a question. Small and often beats perfect."
    ),
    "phrases": (N_("I saw your check-in. I'm here."), N_("How are you holding up?")),
    "reason": N_(
        "Of {partner}'s check-ins this week, {answered} of {of} got a reply from you within a day."
    ),
}
# When none got a reply: the plain fact of the check-ins, without a zero to feel guilty about.
REASON_BIDS_WAITING = (
    N_("{partner} shared a check-in this week."),
    N_("{partner} shared {count} check-ins this week."),
)

# Few replies, but not because of the caller: what the caller can do is say what helps.
SAY_WHAT_HELPS = {
    "title": N_("Tell {partner} what helps you feel heard"),
    "text": N_(
        "Let {partner} know which kind of answer helps you most: a few warm words, a call, a "
        "question. It makes your check-ins easier to meet."
    ),
    "phrases": (
        N_("A short message from you always helps me."),
        N_("When I check in, a quick \u201cI'm here\u201d means a lot."),
    ),
}
REASON_FEW_REPLIES = N_("{percent} of this week's check-ins got a reply within a day.")
# Said only when the caller answered at least as much as the partner (never their misses).
REASON_ONE_SIDED = N_(
    "Of {partner}'s check-ins this week, you answered {answered} of {of} within a day. "
    "Replies this week were uneven."
)

CHECK_PACE = {
    "title": N_("Check your pace before you talk"),
    "text": N_(
        "Your energies were far apart on the days you both checked in. Before you talk, "
        "glance at {partner}'s energy and meet them there first."
    ),
    "phrases": (N_("I'm at a 7 today. Where are you?"), N_("Want to go slow tonight?")),
    "reason": N_("Your average energy gap was {gap} on days you both checked in."),
}

ASK_DID_THAT_HELP = {
    "title": N_("Ask \u201cdid that help?\u201d"),
    "text": N_(
        "After you respond to {partner}, ask whether it helped, and listen. Noticing a miss "
        "and repairing it is what attunement is made of."
    ),
    "phrases": (N_("Did that help?"), N_("Was that what you needed?")),
}
REASON_FELT_HEARD_LOW = N_("{percent} of rated responses left the other person feeling heard.")
REASON_NOT_RATED = N_("No response was rated this week.")

KEEP_TURNING_TOWARD = {
    "title": N_("Keep turning toward {partner}"),
    "phrases": (N_("I liked how we were with each other this week."),),
    "reason": N_(
        "{percent} of check-ins got an answer within a day, and {felt} of rated responses "
        "left the other person feeling heard."
    ),
}
KEEP_TURNING_TOWARD_HIGH = N_(
    "What you did this week works. Keep answering {partner}'s check-ins, and notice one "
    "moment you felt close."
)
KEEP_TURNING_TOWARD_GOOD_ENOUGH = N_(
    "This week is a good-enough base. Keep answering {partner}, and when a response misses, "
    "ask what would have helped."
)

NOTICE_ONE_MOMENT = {
    "title": N_("Notice a moment you felt close"),
    "text": N_(
        "This week's check-ins are still open. Next time you and {partner} answer each "
        "other, notice one moment you felt close, and say so."
    ),
    "phrases": (N_("I liked that moment with you."),),
    "reason": N_("This week's check-ins are still waiting for a reply."),
}
