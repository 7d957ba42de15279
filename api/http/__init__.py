"""The edge: problem+json errors, the OpenAPI document, JSON answers, reads, logs, limit keys.

May use flask, its extensions, sqlalchemy, `schemas` and `models`; nothing else of `api`
but `api.clock`. Every room and every resource may use it.
"""
