from __future__ import annotations

import re

from models.vocabulary import Need, ResponseKind, Tone


def test_healthz_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_checks_the_database(client):
    assert client.get("/readyz").get_json() == {"status": "ready"}


def test_vocabulary_lists_tones_needs_and_response_kinds_without_auth(client):
    response = client.get("/api/v1/vocabulary")
    assert response.status_code == 200
    body = response.get_json()
    assert [t["name"] for t in body["tones"]] == [t.value for t in Tone]
    assert {"name": "overwhelmed", "label": "Overwhelmed", "pleasantness": "unpleasant"} in body[
        "tones"
    ]
    assert {"name": "okay", "label": "Okay", "pleasantness": "neutral"} in body["tones"]
    assert [n["name"] for n in body["needs"]] == [n.value for n in Need]
    assert [k["name"] for k in body["response_kinds"]] == [k.value for k in ResponseKind]
    assert all(entry["label"] for entry in body["needs"] + body["response_kinds"])


def test_openapi_documents_every_operation_and_the_bearer_scheme(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    operations = {(method.upper(), path) for path, item in spec["paths"].items() for method in item}
    assert {
        ("POST", "/api/v1/auth/register"),
        ("POST", "/api/v1/auth/login"),
        ("POST", "/api/v1/auth/refresh"),
        ("POST", "/api/v1/auth/logout"),
        ("GET", "/api/v1/me"),
        ("PATCH", "/api/v1/me"),
        ("POST", "/api/v1/me/password"),
        ("GET", "/api/v1/vocabulary"),
        ("GET", "/healthz"),
        ("GET", "/readyz"),
    } <= operations
    me = spec["paths"]["/api/v1/me"]["get"]
    assert me["security"] == [{"bearerAuth": []}]
    unauthorized = me["responses"]["401"]["content"]["application/problem+json"]
    problem, codes = unauthorized["schema"]["allOf"]
    assert problem == {"$ref": "#/components/schemas/Problem"}
    assert codes["properties"]["code"]["enum"] == [
        "missing_token",
        "invalid_token",
        "token_expired",
        "token_revoked",
    ]
    assert set(unauthorized["examples"]) == set(codes["properties"]["code"]["enum"])


def test_docs_are_served_from_this_server_with_no_external_url(client):
    response = client.get("/docs")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert urls, html
    assert all(url.startswith("/") for url in urls), urls
    assert "http://" not in html and "https://" not in html
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.data) > 1000


def test_every_response_says_nosniff(client):
    assert client.get("/healthz").headers["X-Content-Type-Options"] == "nosniff"


def test_the_openapi_document_explains_itself(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["info"]["title"] == "Attune API" and spec["info"]["version"]
    assert "attune" in spec["info"]["description"].lower()
    tags = {tag["name"]: tag.get("description") for tag in spec["tags"]}
    assert all(tags.values()), tags
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("tags") and set(operation["tags"]) <= set(tags), where
            body = operation.get("requestBody")
            if body:
                assert body["content"]["application/json"].get("example"), where
