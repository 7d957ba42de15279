"""The Attune API: create_app() is the only way to build the Flask application."""

from __future__ import annotations

import os

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

from api.auth.caller_cache import init_caller_cache
from api.auth.cli import auth_cli
from api.auth.passwords import init_passwords
from api.auth.tokens import init_jwt
from api.config import Config, config_from_environment
from api.extensions import api, jwt, limiter, migrate
from api.http.bodies import StrictJSONProvider
from api.http.errors import ApiError, register_error_handlers
from api.http.language import init_languages
from api.http.logs import init_logging
from api.http.openapi import docs_assets, init_openapi
from api.notifications.cli import notifications_cli
from api.resources import BLUEPRINTS
from api.sync.cli import sync_cli
from models import db
from models.base import ping_only_after_idle

MIGRATIONS_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "migrations"
)
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def create_app(config: Config | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config if config is not None else config_from_environment())
    app.json = StrictJSONProvider(app)
    app.json.sort_keys = False
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(
            app.instance_path, "attune.sqlite"
        )

    if app.config["PROXY_FIX_X_FOR"]:
        # Trust X-Forwarded-For only as far as the operator says proxies stand in front.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"])  # type: ignore[method-assign]

    init_logging(app)  # first, so that every later hook and error has a request id
    db.init_app(app)
    with app.app_context():
        for engine in db.engines.values():
            ping_only_after_idle(engine)
        init_caller_cache(app, db.engine)
    # Batch mode lets Alembic alter SQLite tables (it rebuilds them), PostgreSQL alters in place.
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True, compare_type=True)
    jwt.init_app(app)
    init_jwt(jwt)
    limiter.init_app(app)
    init_passwords(app)
    init_languages(app)

    api.init_app(app)
    init_openapi(api)
    _register_blueprints(app)
    register_error_handlers(app)
    app.cli.add_command(notifications_cli)
    app.cli.add_command(auth_cli)
    app.cli.add_command(sync_cli)
    app.before_request(_require_json_bodies)
    app.after_request(_security_headers)
    return app


def _register_blueprints(app: Flask) -> None:
    for blueprint, prefix in BLUEPRINTS:
        api.register_blueprint(blueprint, url_prefix=prefix)
    app.register_blueprint(docs_assets)


def _require_json_bodies() -> None:
    if request.method not in BODY_METHODS:
        return
    has_body = bool(request.content_length) or "chunked" in request.headers.get(
        "Transfer-Encoding", ""
    )
    if has_body and not request.is_json:
        raise ApiError(
            415, "unsupported_media_type", "Send JSON with Content-Type: application/json."
        )


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if request.path.startswith("/api/") and "Cache-Control" not in response.headers:
        # Everything under /api is personal: no shared or browser cache may keep it.
        response.headers["Cache-Control"] = "no-store"
    return response


__all__ = ["create_app"]
