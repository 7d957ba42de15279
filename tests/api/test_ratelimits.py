from __future__ import annotations

from tests.conftest import PASSWORD


def _login(client, email, address="10.0.0.1", password="wrong password"):
    return client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_login_is_limited_per_address_and_email_with_retry_after(make_app):
    client = make_app(RATELIMIT_ENABLED=True, RATELIMIT_LOGIN="2 per minute").test_client()
    assert [_login(client, "sam@example.com").status_code for _ in range(2)] == [401, 401]
    limited = _login(client, "sam@example.com")
    assert limited.status_code == 429
    assert limited.mimetype == "application/problem+json"
    assert limited.get_json()["code"] == "rate_limited"
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    # Another email from the same address, and the same email from elsewhere, still get in.
    assert _login(client, "other@example.com").status_code == 401
    assert _login(client, "sam@example.com", address="10.0.0.2").status_code == 401


def test_login_limit_counts_the_email_case_insensitively(make_app):
    client = make_app(RATELIMIT_ENABLED=True, RATELIMIT_LOGIN="1 per minute").test_client()
    assert _login(client, "sam@example.com").status_code == 401
    assert _login(client, "SAM@example.com").status_code == 429


def test_login_is_limited_per_address_across_emails(make_app):
    client = make_app(
        RATELIMIT_ENABLED=True,
        RATELIMIT_LOGIN="100 per minute",
        RATELIMIT_LOGIN_ADDRESS="3 per minute",
    ).test_client()
    statuses = [_login(client, f"user{i}@example.com").status_code for i in range(4)]
    assert statuses == [401, 401, 401, 429]
    assert _login(client, "user9@example.com", address="10.0.0.2").status_code == 401


def test_register_is_limited_per_address(make_app):
    client = make_app(RATELIMIT_ENABLED=True, RATELIMIT_REGISTER="2 per hour").test_client()

    def register(i, address="10.0.0.1"):
        return client.post(
            "/api/v1/auth/register",
            json={"email": f"u{i}@example.com", "password": PASSWORD, "display_name": "U"},
            environ_base={"REMOTE_ADDR": address},
        )

    assert [register(i).status_code for i in range(3)] == [201, 201, 429]
    assert register(3, address="10.0.0.2").status_code == 201


def test_rate_limits_can_be_turned_off(make_app):
    client = make_app(RATELIMIT_ENABLED=False, RATELIMIT_LOGIN="1 per minute").test_client()
    assert [_login(client, "sam@example.com").status_code for _ in range(3)] == [401] * 3


def test_the_client_address_comes_from_x_forwarded_for_only_behind_a_trusted_proxy(make_app):
    direct = make_app(RATELIMIT_ENABLED=True, RATELIMIT_LOGIN="1 per minute").test_client()
    spoof = {"X-Forwarded-For": "203.0.113.9"}
    assert (
        direct.post(
            "/api/v1/auth/login", json={"email": "a@example.com", "password": "x"}, headers=spoof
        ).status_code
        == 401
    )
    spoof2 = {"X-Forwarded-For": "203.0.113.10"}
    # Without a trusted proxy, a made-up X-Forwarded-For does not buy a fresh limit.
    assert (
        direct.post(
            "/api/v1/auth/login", json={"email": "a@example.com", "password": "x"}, headers=spoof2
        ).status_code
        == 429
    )

    proxied = make_app(
        RATELIMIT_ENABLED=True, RATELIMIT_LOGIN="1 per minute", PROXY_FIX_X_FOR=1
    ).test_client()
    for address in ("203.0.113.9", "203.0.113.10"):
        response = proxied.post(
            "/api/v1/auth/login",
            json={"email": "b@example.com", "password": "x"},
            headers={"X-Forwarded-For": address},
        )
        assert response.status_code == 401, address
