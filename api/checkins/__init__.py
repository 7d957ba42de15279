"""Check-ins and responses: the statements behind pages, posts, cursors and idempotency.

May use `api.auth` (the caller), `api.couples` (visibility), `api.notifications`,
`api.http`, `api.clock`, `models`.
"""
