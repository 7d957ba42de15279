from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from api.notifications.fcm import FcmSender
from tests.conftest import Clock
from tests.notifications.fake_fcm import FakeFcm

# The worker tests deliver at fixed moments (noon UTC on 2026-11-30, the evening for
# reminders): what they enqueue must be written before those, whatever the wall clock says.
ENQUEUED_AT = datetime(2026, 11, 30, 11, 50, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _written_before_delivery(app):
    app.config["CLOCK"] = Clock(ENQUEUED_AT)


@pytest.fixture
def fcm():
    with FakeFcm() as fake:
        yield fake


@pytest.fixture
def fcm_sender(fcm) -> FcmSender:
    return FcmSender("attune-test", fcm.credentials(), fcm.base_url, timeout=0.5)


@pytest.fixture
def fcm_app(make_app, fcm, tmp_path):
    """An app configured for FCM through the environment-style settings."""
    credentials = tmp_path / "service-account.json"
    credentials.write_text(json.dumps(fcm.credentials()))
    return make_app(
        CLOCK=Clock(ENQUEUED_AT),
        FCM_PROJECT_ID="attune-test",
        FCM_CREDENTIALS_FILE=str(credentials),
        FCM_BASE_URL=fcm.base_url,
        FCM_TIMEOUT=0.5,
    )
