"""No id token, nonce, authorization code, Apple refresh token or client secret is logged."""

from __future__ import annotations

import logging

from api.http.logs import JsonFormatter


def test_no_provider_secret_reaches_a_log_line(client, signins, providers, caplog):
    caplog.set_level(logging.DEBUG)
    code = providers.authorization_code("001234.sam")
    signed_up = signins.apple_body("001234.sam", email="sam@example.com")
    account = signins.post("apple", {**signed_up, "authorization_code": code}).get_json()
    headers = {"Authorization": f"Bearer {account['access_token']}"}
    replayed = signins.post("apple", signed_up)  # refused: the nonce was used
    wrong = signins.apple_body("001234.sam", aud="com.someone.else")
    signins.post("apple", wrong)
    providers.revoke_script.append("unavailable")
    proof = {"provider": "apple", **signins.apple_body("001234.sam")}
    deleted = client.delete("/api/v1/me", json=proof, headers=headers)
    assert (replayed.status_code, deleted.status_code) == (401, 204)

    formatter = JsonFormatter()
    logged = "\n".join(formatter.format(record) for record in caplog.records)
    secrets = [
        signed_up["id_token"],
        signed_up["id_token"].split(".")[2],
        signed_up["nonce"],
        wrong["id_token"],
        proof["id_token"],
        proof["nonce"],
        code,
        account["access_token"],
        providers.exchanges[0]["body"]["refresh_token"],
        providers.exchanges[0]["form"]["client_secret"],
        "001234.sam",
        "sam@example.com",
    ]
    assert "identity token refused" in logged and "revocation will be retried" in logged
    for secret in secrets:
        assert secret not in logged, secret
