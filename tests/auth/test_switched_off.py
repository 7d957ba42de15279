"""A provider without client ids is switched off: 404 `provider_disabled` wherever it is
named. Both sign-in endpoints are rate limited per address, like register."""

from __future__ import annotations

from api.config import Config
from tests.auth.conftest import SignIns
from tests.conftest import PASSWORD, Accounts


def test_a_provider_without_client_ids_answers_provider_disabled(make_app, providers, tmp_path):
    config = {**providers.config(tmp_path), "GOOGLE_CLIENT_IDS": ()}
    client = make_app(**config).test_client()
    signins = SignIns(client, providers)
    sam = Accounts(client).register("Sam")
    apple_user = signins.account("apple", "001234.sam")
    google = {"provider": "google", **signins.google_body("1098")}

    answers = [
        signins.post("google", signins.google_body("1098")),
        client.post(
            "/api/v1/me/identities", json={**google, "password": PASSWORD}, headers=sam["headers"]
        ),
        client.delete("/api/v1/me/identities/google", headers=sam["headers"]),
        client.delete("/api/v1/me", json=google, headers=apple_user["headers"]),
    ]

    for response in answers:
        assert response.status_code == 404, response.get_json()
        assert response.get_json()["code"] == "provider_disabled"
    assert providers.jwks_fetches["google"] == 0
    # Apple, configured, still works.
    assert signins.apple("001234.kim").status_code == 201


def test_with_no_provider_configured_both_are_switched_off(make_app):
    client = make_app().test_client()
    for provider in ("apple", "google"):
        response = client.post(f"/api/v1/auth/{provider}", json={"id_token": "x.y.z", "nonce": "n"})
        assert response.status_code == 404
        assert response.get_json()["code"] == "provider_disabled"


def test_provider_sign_in_is_limited_per_address(make_app, providers, tmp_path):
    app = make_app(
        **providers.config(tmp_path),
        RATELIMIT_ENABLED=True,
        RATELIMIT_PROVIDER_SIGNIN="2 per hour",
    )
    signins = SignIns(app.test_client(), providers)

    def sign_in(provider, i, address="10.0.0.1"):
        body = getattr(signins, f"{provider}_body")(f"{provider}-{i}")
        return signins.post(provider, body, environ_base={"REMOTE_ADDR": address})

    assert [sign_in("apple", i).status_code for i in range(3)] == [201, 201, 429]
    limited = sign_in("apple", 9)
    assert limited.get_json()["code"] == "rate_limited" and "Retry-After" in limited.headers
    assert sign_in("apple", 3, address="10.0.0.2").status_code == 201
    assert [sign_in("google", i).status_code for i in range(3)] == [201, 201, 429]


def test_the_provider_sign_in_limit_defaults_to_the_register_limit():
    assert Config({}).RATELIMIT_PROVIDER_SIGNIN == "20 per hour"
    assert Config({"RATELIMIT_REGISTER": "5 per hour"}).RATELIMIT_PROVIDER_SIGNIN == "5 per hour"
    own = Config({"RATELIMIT_PROVIDER_SIGNIN": "7 per hour"})
    assert own.RATELIMIT_PROVIDER_SIGNIN == "7 per hour"


def test_client_ids_come_comma_separated_from_the_environment():
    config = Config(
        {"APPLE_CLIENT_IDS": "app.attune.ios, app.attune.web,", "GOOGLE_CLIENT_IDS": ""}
    )
    assert config.APPLE_CLIENT_IDS == ("app.attune.ios", "app.attune.web")
    assert config.GOOGLE_CLIENT_IDS == ()
