"""Bare extension objects, bound to an app in create_app."""

from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_migrate import Migrate

from api.openapi import ProblemApi
from api.ratelimit import client_address

api = ProblemApi()
jwt = JWTManager()
migrate = Migrate()
limiter = Limiter(key_func=client_address)
