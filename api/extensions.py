"""Bare extension objects, bound to an app in create_app."""

from flask_limiter import Limiter
from flask_migrate import Migrate

from api.openapi import ProblemApi
from api.ratelimit import client_address
from api.security import VerifyingOnceJWTManager

api = ProblemApi()
jwt = VerifyingOnceJWTManager()
migrate = Migrate()
limiter = Limiter(key_func=client_address)
