"""A stand-in for FCM HTTP v1 and Google's token endpoint, on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

UNREGISTERED = {
    "error": {
        "code": 404,
        "message": "Requested entity was not found.",
        "status": "NOT_FOUND",
        "details": [
            {
                "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                "errorCode": "UNREGISTERED",
            }
        ],
    }
}
UNAVAILABLE = {
    "error": {"code": 503, "message": "The service is unavailable.", "status": "UNAVAILABLE"}
}


class FakeFcm:
    """Behaviour per device token: a list of answers, used in turn ("ok" once they run out)."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.script: dict[str, list[str]] = defaultdict(list)
        self.delivered: list[dict] = []
        self.token_requests = 0
        self.release = threading.Event()
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path == "/token":
                    fake._check_assertion(raw)
                    return self._answer(
                        200, {"access_token": "fake-access-token", "expires_in": 3600}
                    )
                assert self.path == "/v1/projects/attune-test/messages:send", self.path
                assert self.headers["Authorization"] == "Bearer fake-access-token"
                message = json.loads(raw)["message"]
                with fake._lock:
                    plan = fake.script[message["token"]]
                    step = plan.pop(0) if plan else "ok"
                if step == "hang":
                    fake.release.wait(timeout=2)
                    return self._answer(200, {"name": "late"})
                if step == "gone":
                    return self._answer(404, UNREGISTERED)
                if step == "unavailable":
                    return self._answer(503, UNAVAILABLE)
                with fake._lock:
                    fake.delivered.append(message)
                return self._answer(
                    200, {"name": f"projects/attune-test/messages/{len(fake.delivered)}"}
                )

            def _answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _check_assertion(self, raw: bytes) -> None:
        from urllib.parse import parse_qs

        form = parse_qs(raw.decode())
        assert form["grant_type"] == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
        claims = jwt.decode(
            form["assertion"][0],
            self.key.public_key(),
            algorithms=["RS256"],
            audience=f"{self.base_url}/token",
        )
        assert claims["iss"] == "push@attune-test.iam.gserviceaccount.com"
        assert claims["scope"].endswith("firebase.messaging")
        self.token_requests += 1

    def credentials(self) -> dict:
        pem = self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
        return {
            "type": "service_account",
            "project_id": "attune-test",
            "client_email": "push@attune-test.iam.gserviceaccount.com",
            "private_key": pem,
            "token_uri": f"{self.base_url}/token",
        }

    def __enter__(self) -> FakeFcm:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
