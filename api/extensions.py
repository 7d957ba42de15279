"""Bare extension objects, bound to an app in create_app."""

from flask_migrate import Migrate

from api.auth.tokens import VerifyingOnceJWTManager
from api.http.limits import limiter
from api.http.openapi import ProblemApi

api = ProblemApi()
jwt = VerifyingOnceJWTManager()
migrate = Migrate()

__all__ = ["api", "jwt", "limiter", "migrate"]
