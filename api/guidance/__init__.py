"""Prompts and weekly summaries: what the pure core needs, read from the database.

May use `api.attunement` (the rules and words), `api.checkins`, `api.questions` (the
summary's count of questions answered together), `api.auth`, `api.couples`,
`api.http`, `api.clock`, `models`.
"""
