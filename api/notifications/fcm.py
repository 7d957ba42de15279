"""Firebase Cloud Messaging, HTTP v1, with a service account's OAuth2 token.

Configured by FCM_PROJECT_ID and FCM_CREDENTIALS_FILE (the service-account JSON from the
Firebase console); FCM_BASE_URL points elsewhere for tests. Without them, notifications
are written to the log instead of sent.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

import jwt

log = logging.getLogger(__name__)

OAUTH_SCOPE = "https://www.googleapis.com/auth/firebase.messaging"


class Outcome(Enum):
    SENT = "sent"
    RETRY = "retry"  # 429, 5xx, timeouts: try again later
    GONE = "gone"  # the device token is no longer valid: forget the device
    REJECTED = "rejected"  # the message itself is wrong: retrying will not help


@dataclass(frozen=True)
class Message:
    device_token: str
    title: str
    body: str
    data: dict[str, str]


class Sender(Protocol):
    def send(self, message: Message) -> tuple[Outcome, str | None]: ...


class LogSender:
    """Used when FCM is not configured: say what would have been sent, minus the token."""

    def send(self, message: Message) -> tuple[Outcome, str | None]:
        log.info(
            "push not configured; notification logged instead",
            extra={"title": message.title, "push_body": message.body, "data": message.data},
        )
        return Outcome.SENT, None


class FcmSender:
    def __init__(
        self, project_id: str, credentials: dict[str, Any], base_url: str, timeout: float = 10
    ) -> None:
        self.project_id = project_id
        self.credentials = credentials
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._access_token: str | None = None
        self._token_expires = 0.0

    def _token(self) -> str:
        if self._access_token and time.time() < self._token_expires - 60:
            return self._access_token
        issued = int(time.time())
        assertion = jwt.encode(
            {
                "iss": self.credentials["client_email"],
                "scope": OAUTH_SCOPE,
                "aud": self.credentials["token_uri"],
                "iat": issued,
                "exp": issued + 3600,
            },
            self.credentials["private_key"],
            algorithm="RS256",
        )
        form = urllib.parse.urlencode(
            {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion}
        ).encode()
        request = urllib.request.Request(self.credentials["token_uri"], data=form)  # noqa: S310
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            granted = json.load(response)
        self._access_token = granted["access_token"]
        self._token_expires = time.time() + float(granted.get("expires_in", 3600))
        return self._access_token

    def send(self, message: Message) -> tuple[Outcome, str | None]:
        payload = {
            "message": {
                "token": message.device_token,
                "notification": {"title": message.title, "body": message.body},
                "data": message.data,
            }
        }
        url = f"{self.base_url}/v1/projects/{self.project_id}/messages:send"
        try:
            request = urllib.request.Request(  # noqa: S310 - FCM, or a test double on loopback
                url,
                data=json.dumps(payload).encode(),
                headers={
                    "Authorization": f"Bearer {self._token()}",
                    "Content-Type": "application/json",
                },
            )
            with urllib.request.urlopen(request, timeout=self.timeout):  # noqa: S310
                return Outcome.SENT, None
        except urllib.error.HTTPError as error:
            return _classify(error.code, error.read())
        except (TimeoutError, urllib.error.URLError, OSError) as error:
            return Outcome.RETRY, f"unreachable: {type(error).__name__}"


def _classify(status: int, raw: bytes) -> tuple[Outcome, str]:
    try:
        error = json.loads(raw or b"{}").get("error", {})
    except ValueError:
        error = {}
    codes = {d.get("errorCode") for d in error.get("details", []) if isinstance(d, dict)}
    reason = f"{status} {error.get('status', '')} {','.join(sorted(c for c in codes if c))}".strip()
    if status == 404 or "UNREGISTERED" in codes:
        return Outcome.GONE, reason
    if status == 429 or status >= 500 or codes & {"UNAVAILABLE", "INTERNAL", "QUOTA_EXCEEDED"}:
        return Outcome.RETRY, reason
    return Outcome.REJECTED, reason


def sender_from_config(config: Any) -> Sender:
    project, credentials_file = config.get("FCM_PROJECT_ID"), config.get("FCM_CREDENTIALS_FILE")
    if not project or not credentials_file:
        return LogSender()
    with open(credentials_file) as handle:
        credentials = json.load(handle)
    return FcmSender(project, credentials, config["FCM_BASE_URL"], config["FCM_TIMEOUT"])
