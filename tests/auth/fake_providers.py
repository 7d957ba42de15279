"""A stand-in for Sign in with Apple and Google, on 127.0.0.1 in a thread.

It publishes each provider's keys (a JWKS), mints id tokens with whatever claims and keys
a test chooses, and answers Apple's token and revoke endpoints, checking the ES256 client
secret the way Apple does. Everything it was asked is kept in `exchanges`, so a test (or
the report script) can show the conversation.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

APPLE_ISSUER = "https://appleid.apple.com"
GOOGLE_ISSUER = "https://accounts.google.com"
SIX_MONTHS = 15_777_000


# Generating RSA keys takes a while; every stand-in draws its keys from one pool (each
# stand-in's keys still differ from one another).
_KEY_POOL: list[rsa.RSAPrivateKey] = []
_TEAM_KEY = ec.generate_private_key(ec.SECP256R1())


def _rsa_key(index: int) -> rsa.RSAPrivateKey:
    while len(_KEY_POOL) <= index:
        _KEY_POOL.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    return _KEY_POOL[index]


class FakeProviders:
    APPLE_CLIENT = "app.attune.ios"
    APPLE_WEB_CLIENT = "app.attune.web"
    GOOGLE_CLIENT = "attune-android.apps.googleusercontent.com"
    TEAM_ID = "TEAM123456"
    KEY_ID = "KEY7654321"

    def __init__(self) -> None:
        # Keys the providers sign id tokens with, by provider and key id; published or not.
        self.keys: dict[str, dict[str, rsa.RSAPrivateKey]] = {"apple": {}, "google": {}}
        self._keys_made = 0
        self.published: dict[str, list[str]] = {"apple": [], "google": []}
        self.current_kid: dict[str, str] = {}
        for provider in ("apple", "google"):
            self.new_key(provider)
        # The team's key that signs client secrets: the app holds it, Apple knows its half.
        self.team_key = _TEAM_KEY
        self.jwks_fetches: Counter[str] = Counter()
        self.codes: dict[str, tuple[str, str]] = {}
        self.refresh_tokens: dict[str, tuple[str, str]] = {}
        self.revoked: list[str] = []
        # Answers to come from /auth/token and /auth/revoke: "ok" once these run out.
        self.token_script: list[str] = []
        self.revoke_script: list[str] = []
        self.client_secret_claims: list[dict[str, Any]] = []
        self.exchanges: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                provider = {"/apple/auth/keys": "apple", "/google/certs": "google"}.get(self.path)
                if provider is None:
                    return self._answer(404, {"error": "not_found"})
                with fake._lock:
                    fake.jwks_fetches[provider] += 1
                return self._answer(200, fake.jwks(provider))

            def do_POST(self) -> None:
                form = {
                    k: v[0]
                    for k, v in parse_qs(
                        self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                    ).items()
                }
                if self.path == "/apple/auth/token":
                    status, body = fake._token(form)
                elif self.path == "/apple/auth/revoke":
                    status, body = fake._revoke(form)
                else:
                    status, body = 404, {"error": "not_found"}
                with fake._lock:
                    fake.exchanges.append(
                        {"path": self.path, "form": form, "status": status, "body": body}
                    )
                return self._answer(status, body)

            def _answer(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # Keys -----------------------------------------------------------------------------

    def new_key(self, provider: str, *, publish: bool = True) -> str:
        """A new signing key; published (a rotation) unless `publish` is False."""
        kid = f"{provider}-{secrets.token_hex(4)}"
        self.keys[provider][kid] = _rsa_key(self._keys_made)
        self._keys_made += 1
        if publish:
            self.published[provider].append(kid)
            self.current_kid[provider] = kid
        return kid

    def withdraw(self, provider: str, kid: str) -> None:
        self.published[provider].remove(kid)

    def jwks(self, provider: str) -> dict[str, Any]:
        keys = []
        for kid in self.published[provider]:
            jwk = jwt.algorithms.RSAAlgorithm.to_jwk(
                self.keys[provider][kid].public_key(), as_dict=True
            )
            keys.append({**jwk, "kid": kid, "alg": "RS256", "use": "sig"})
        return {"keys": keys}

    # Tokens ---------------------------------------------------------------------------

    def mint(
        self,
        provider: str,
        sub: str,
        *,
        email: str | None = None,
        email_verified: Any = True,
        nonce: str | None = None,
        nonce_claim: str | None = None,
        aud: Any = None,
        iss: str | None = None,
        issued_at: float | None = None,
        lifetime: float = 600,
        kid: str | None = None,
        signing_key: Any = ...,
        algorithm: str = "RS256",
        **claims: Any,
    ) -> str:
        """An id token. `nonce` is the raw nonce (hashed for Apple, as Apple's are);
        `nonce_claim` puts a claim as given; `signing_key` signs with another key."""
        issued = int(issued_at if issued_at is not None else time.time())
        payload: dict[str, Any] = {
            "iss": iss or (APPLE_ISSUER if provider == "apple" else GOOGLE_ISSUER),
            "aud": aud or (self.APPLE_CLIENT if provider == "apple" else self.GOOGLE_CLIENT),
            "sub": sub,
            "iat": issued,
            "exp": issued + int(lifetime),
            "auth_time": issued,
        }
        if email is not None:
            payload["email"] = email
            # Apple writes booleans as strings.
            verified = email_verified
            payload["email_verified"] = (
                str(verified).lower()
                if provider == "apple" and isinstance(verified, bool)
                else verified
            )
        if nonce is not None:
            payload["nonce"] = (
                hashlib.sha256(nonce.encode()).hexdigest() if provider == "apple" else nonce
            )
        if nonce_claim is not None:
            payload["nonce"] = nonce_claim
        payload.update(claims)
        kid = kid or self.current_kid[provider]
        key = self.keys[provider][kid] if signing_key is ... else signing_key
        return jwt.encode(payload, key, algorithm=algorithm, headers={"kid": kid})

    def authorization_code(self, sub: str, client_id: str | None = None) -> str:
        code = f"c.{secrets.token_hex(8)}"
        self.codes[code] = (sub, client_id or self.APPLE_CLIENT)
        return code

    # Apple's token and revoke endpoints -------------------------------------------------

    def _client_secret_problem(self, form: dict[str, str]) -> str | None:
        secret, client_id = form.get("client_secret", ""), form.get("client_id", "")
        try:
            header = jwt.get_unverified_header(secret)
            claims = jwt.decode(
                secret,
                self.team_key.public_key(),
                algorithms=["ES256"],
                audience=APPLE_ISSUER,
                issuer=self.TEAM_ID,
                options={"require": ["iss", "iat", "exp", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            return f"client secret: {type(exc).__name__}"
        if header.get("kid") != self.KEY_ID or header.get("alg") != "ES256":
            return "client secret: wrong kid or alg"
        if claims["sub"] != client_id:
            return "client secret: sub is not the client id"
        if claims["exp"] - claims["iat"] > SIX_MONTHS:
            return "client secret: lives longer than six months"
        with self._lock:
            self.client_secret_claims.append({"header": header, "claims": claims})
        return None

    def _scripted(self, script: list[str]) -> tuple[int, Any] | None:
        with self._lock:
            step = script.pop(0) if script else "ok"
        if step == "unavailable":
            return 503, {"error": "temporarily_unavailable"}
        if step in {"invalid_grant", "invalid_client"}:
            return 400, {"error": step}
        return None

    def _token(self, form: dict[str, str]) -> tuple[int, Any]:
        problem = self._client_secret_problem(form)
        if problem is not None:
            return 400, {"error": "invalid_client", "why": problem}
        scripted = self._scripted(self.token_script)
        if scripted is not None:
            return scripted
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or grant[1] != form["client_id"]:
            return 400, {"error": "invalid_grant"}
        sub, client_id = grant
        refresh_token = f"r.{secrets.token_hex(16)}"
        self.refresh_tokens[refresh_token] = grant
        return 200, {
            "access_token": f"a.{secrets.token_hex(8)}",
            "token_type": "Bearer",
            "expires_in": 3600,
            "refresh_token": refresh_token,
            "id_token": self.mint("apple", sub, aud=client_id),
        }

    def _revoke(self, form: dict[str, str]) -> tuple[int, Any]:
        problem = self._client_secret_problem(form)
        if problem is not None:
            return 400, {"error": "invalid_client", "why": problem}
        scripted = self._scripted(self.revoke_script)
        if scripted is not None:
            return scripted
        token = form.get("token", "")
        grant = self.refresh_tokens.get(token)
        if grant is not None and grant[1] != form["client_id"]:
            return 400, {"error": "invalid_client"}
        with self._lock:
            self.revoked.append(token)
            self.refresh_tokens.pop(token, None)
        return 200, None

    # Configuration ----------------------------------------------------------------------

    def private_key_file(self, directory: Path) -> Path:
        path = directory / f"AuthKey_{self.KEY_ID}.p8"
        path.write_bytes(
            self.team_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return path

    def config(self, directory: Path) -> dict[str, Any]:
        """App settings that point at this stand-in, as the environment would set them."""
        return {
            "APPLE_CLIENT_IDS": (self.APPLE_CLIENT, self.APPLE_WEB_CLIENT),
            "GOOGLE_CLIENT_IDS": (self.GOOGLE_CLIENT,),
            "APPLE_TEAM_ID": self.TEAM_ID,
            "APPLE_KEY_ID": self.KEY_ID,
            "APPLE_PRIVATE_KEY_FILE": str(self.private_key_file(directory)),
            "APPLE_BASE_URL": f"{self.base_url}/apple",
            "GOOGLE_JWKS_URL": f"{self.base_url}/google/certs",
            "PROVIDER_TIMEOUT": 2.0,
        }

    def __enter__(self) -> FakeProviders:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
