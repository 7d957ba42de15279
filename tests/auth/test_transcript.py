"""One Apple sign-up with an authorization code, and the later deletion that revoked it.

Run with `-s` to read the conversation (long tokens shortened):
    make test PYTEST_ARGS="-q -s --no-cov tests/auth/test_transcript.py"
"""

from __future__ import annotations

import json
from typing import Any


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 40:
        return value[:24] + "…" + value[-8:]
    if isinstance(value, dict):
        return {k: _short(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_short(v) for v in value]
    return value


def _show(title: str, payload: Any) -> None:
    print(f"\n{title}\n{json.dumps(_short(payload), indent=2, ensure_ascii=False)}")


def test_an_apple_sign_up_with_a_code_and_the_deletion_that_revokes_its_token(
    client, signins, providers
):
    sub = "001234.5f2b9c8e1d.0815"
    code = providers.authorization_code(sub)
    sign_up = {
        **signins.apple_body(sub, email="sam@example.com"),
        "authorization_code": code,
        "display_name": "Sam",
        "timezone": "Europe/Berlin",
    }
    response = client.post("/api/v1/auth/apple", json=sign_up)
    _show("POST /api/v1/auth/apple", sign_up)
    _show(f"-> {response.status_code}", response.get_json())
    (exchange,) = providers.exchanges
    _show("   (server -> Apple) POST /auth/token", exchange["form"])
    _show(f"   (Apple -> server) {exchange['status']}", exchange["body"])
    assert response.status_code == 201 and response.get_json()["created"] is True

    headers = {"Authorization": f"Bearer {response.get_json()['access_token']}"}
    proof = {"provider": "apple", **signins.apple_body(sub, email="sam@example.com")}
    deleted = client.delete("/api/v1/me", json=proof, headers=headers)
    _show("DELETE /api/v1/me", proof)
    print(f"-> {deleted.status_code} (no body)")
    revoke = providers.exchanges[-1]
    _show("   (server -> Apple) POST /auth/revoke", revoke["form"])
    print(f"   (Apple -> server) {revoke['status']} (no body)")

    assert deleted.status_code == 204
    assert revoke["path"] == "/apple/auth/revoke"
    assert revoke["form"]["token"] == exchange["body"]["refresh_token"]
    assert providers.revoked == [exchange["body"]["refresh_token"]]
    assert client.get("/api/v1/me", headers=headers).status_code == 401
