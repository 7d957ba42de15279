"""Push notifications: an outbox written with each change, and a worker that delivers it.

May use `api.couples` (whether a push still concerns its recipient), `api.auth` (the worker
also revokes queued Apple tokens), `api.clock`, `models`.
"""
