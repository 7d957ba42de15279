"""Signing in: passwords, token families, the caller, and each worker's memory of callers.

May use `api.couples` (a caller comes with their pairing), `api.http`, `api.clock`, `api.keys`
(Apple refresh tokens are kept encrypted), `models`.
"""
