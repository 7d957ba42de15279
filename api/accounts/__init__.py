"""An account's own data: how a user sees themselves, changing it, the export, deletion.

May use `api.auth`, `api.couples`, `api.http`, `api.clock`, `models`.
"""
