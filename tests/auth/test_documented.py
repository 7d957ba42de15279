"""The OpenAPI document describes the new operations: bodies, answers and problem codes."""

from __future__ import annotations

import pytest

from api import create_app
from api.config import TestConfig


@pytest.fixture(scope="module")
def spec():
    return create_app(TestConfig("sqlite://")).test_client().get("/openapi.json").get_json()


def _codes(spec, method, path, status):
    description = spec["paths"][path][method]["responses"][status]["description"]
    assert "The problem's `code` is one of:" in description, description
    return {part.strip(" .`") for part in description.split(":", 1)[1].split(",")}


@pytest.mark.parametrize(
    ("method", "path", "status", "codes"),
    [
        ("post", "/api/v1/auth/apple", "401", {"invalid_identity_token"}),
        ("post", "/api/v1/auth/apple", "404", {"provider_disabled"}),
        ("post", "/api/v1/auth/apple", "409", {"account_exists"}),
        ("post", "/api/v1/auth/google", "401", {"invalid_identity_token"}),
        ("post", "/api/v1/auth/google", "404", {"provider_disabled"}),
        ("post", "/api/v1/auth/google", "409", {"account_exists"}),
        (
            "post",
            "/api/v1/me/identities",
            "401",
            {"invalid_credentials", "invalid_identity_token", "token_expired"},
        ),
        ("post", "/api/v1/me/identities", "409", {"identity_taken"}),
        ("post", "/api/v1/me/identities", "404", {"provider_disabled"}),
        ("delete", "/api/v1/me/identities/{provider}", "409", {"last_sign_in_method"}),
        ("delete", "/api/v1/me/identities/{provider}", "404", {"provider_disabled"}),
        ("delete", "/api/v1/me", "401", {"invalid_credentials", "invalid_identity_token"}),
        ("delete", "/api/v1/me", "404", {"provider_disabled"}),
    ],
)
def test_each_operation_lists_the_codes_it_answers_with(spec, method, path, status, codes):
    assert codes <= _codes(spec, method, path, status)


def test_sign_in_answers_200_or_201_with_created(spec):
    responses = spec["paths"]["/api/v1/auth/apple"]["post"]["responses"]
    for status in ("200", "201"):
        schema = responses[status]["content"]["application/json"]["schema"]["$ref"]
        assert schema == "#/components/schemas/ProviderAuthResult"
    result = spec["components"]["schemas"]["ProviderAuthResult"]
    assert {"created", "user", "access_token", "refresh_token"} <= set(result["properties"])


def test_the_request_bodies_say_what_is_required_and_allow_nothing_else(spec):
    schemas = spec["components"]["schemas"]
    assert set(schemas["AppleSignIn"]["required"]) == {"id_token", "nonce"}
    assert schemas["GoogleSignIn"]["required"] == ["id_token"]
    assert set(schemas["LinkIdentity"]["required"]) == {"provider", "id_token"}
    for name in ("AppleSignIn", "GoogleSignIn", "LinkIdentity", "DeleteAccount"):
        assert schemas[name]["additionalProperties"] is False, name
    assert set(schemas["DeleteAccount"]["properties"]) == {
        "password",
        "provider",
        "id_token",
        "nonce",
    }


def test_the_user_carries_identities_and_has_password(spec):
    user = spec["components"]["schemas"]["User"]
    assert user["properties"]["identities"]["items"]["enum"] == ["apple", "google"]
    assert user["properties"]["has_password"]["type"] == "boolean"
    assert {"identities", "has_password"} <= set(user["required"])
    provider = spec["paths"]["/api/v1/me/identities/{provider}"]["delete"]
    params = (
        provider.get("parameters")
        or spec["paths"]["/api/v1/me/identities/{provider}"]["parameters"]
    )
    assert params[0]["schema"]["enum"] == ["apple", "google"]
