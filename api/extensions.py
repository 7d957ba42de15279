"""Bare extension objects, bound to an app in create_app."""

from flask_limiter import Limiter
from flask_migrate import Migrate

from api.auth.tokens import VerifyingOnceJWTManager
from api.http.limits import client_address
from api.http.openapi import ProblemApi

api = ProblemApi()
jwt = VerifyingOnceJWTManager()
migrate = Migrate()
limiter = Limiter(key_func=client_address)
