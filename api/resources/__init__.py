"""One smorest Blueprint per resource, mounted under /api/v1 (health at the root)."""

from api.resources.auth import blp as auth_blp
from api.resources.checkins import blp as checkins_blp
from api.resources.couple import blp as couple_blp
from api.resources.devices import blp as devices_blp
from api.resources.health import blp as health_blp
from api.resources.invites import blp as invites_blp
from api.resources.me import blp as me_blp
from api.resources.prompts import blp as prompts_blp
from api.resources.questions import blp as questions_blp
from api.resources.responses import blp as responses_blp
from api.resources.summary import blp as summary_blp
from api.resources.sync import blp as sync_blp
from api.resources.vocabulary import blp as vocabulary_blp

API_PREFIX = "/api/v1"

BLUEPRINTS = [
    (health_blp, "/"),
    (vocabulary_blp, API_PREFIX),
    (auth_blp, f"{API_PREFIX}/auth"),
    (me_blp, f"{API_PREFIX}/me"),
    (invites_blp, f"{API_PREFIX}/invites"),
    (couple_blp, f"{API_PREFIX}/couple"),
    (checkins_blp, f"{API_PREFIX}/checkins"),
    (responses_blp, API_PREFIX),
    (prompts_blp, API_PREFIX),
    (summary_blp, API_PREFIX),
    (devices_blp, f"{API_PREFIX}/devices"),
    (questions_blp, f"{API_PREFIX}/questions"),
    (sync_blp, API_PREFIX),
]
