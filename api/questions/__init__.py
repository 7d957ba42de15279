"""The daily question: one question a day for a couple; both answer, then both see.

Holds the question bank (English message ids, translated where shown), the rule that
picks a couple's next question, a couple's question of a date and the answers to it (who
may see which answer, when an answer locks), the count the weekly summary shows, and each
user's answers for their export.

May use `api.notifications` (the push to the partner), `api.auth`, `api.couples`,
`api.http`, `api.clock`, `models`.
"""
