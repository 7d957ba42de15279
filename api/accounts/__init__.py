"""An account's own data: how a user sees themselves, changing it, the export, deletion.

May use `api.questions` (the user's answers in the export), `api.auth`, `api.couples`,
`api.http`, `api.clock`, `models`.
"""
