from __future__ import annotations

import secrets
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.auth.fake_providers import FakeProviders
from tests.conftest import auth_headers


class SignIns:
    """Signs in through the API with tokens the stand-in mints, the way the apps do."""

    def __init__(self, client: FlaskClient, fake: FakeProviders) -> None:
        self.client = client
        self.fake = fake

    def apple_body(self, sub: str = "001234.apple-sam", **mint: Any) -> dict[str, Any]:
        nonce = mint.pop("nonce", None) or secrets.token_urlsafe(16)
        return {"id_token": self.fake.mint("apple", sub, nonce=nonce, **mint), "nonce": nonce}

    def google_body(self, sub: str = "1098765432123", **mint: Any) -> dict[str, Any]:
        nonce = mint.pop("nonce", None) or secrets.token_urlsafe(16)
        return {"id_token": self.fake.mint("google", sub, nonce=nonce, **mint), "nonce": nonce}

    def post(self, provider: str, body: dict[str, Any], **kwargs: Any) -> Any:
        return self.client.post(f"/api/v1/auth/{provider}", json=body, **kwargs)

    def apple(
        self, sub: str = "001234.apple-sam", *, extra: dict | None = None, **mint: Any
    ) -> Any:
        return self.post("apple", {**self.apple_body(sub, **mint), **(extra or {})})

    def google(self, sub: str = "1098765432123", *, extra: dict | None = None, **mint: Any) -> Any:
        return self.post("google", {**self.google_body(sub, **mint), **(extra or {})})

    def account(self, provider: str = "apple", sub: str | None = None, **mint: Any) -> dict:
        """A new account made by signing in; with `headers` for its access token."""
        sub = sub or f"{provider}-{secrets.token_hex(4)}"
        response = getattr(self, provider)(sub, **mint)
        assert response.status_code == 201, response.get_json()
        body = response.get_json()
        body["sub"] = sub
        body["headers"] = auth_headers(body["access_token"])
        return body


@pytest.fixture
def client(provider_app):
    return provider_app.test_client()


@pytest.fixture
def app(provider_app):
    return provider_app


@pytest.fixture
def signins(client, providers) -> SignIns:
    return SignIns(client, providers)
