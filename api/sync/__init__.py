"""The sync feed: what changed since an app last looked, read from the change log.

The log (`models.Change`) is written in the transaction of each change, by triggers
(migrations 0010 and 0011) for check-ins, responses, ratings, pairings and the daily
question. It holds one row
per reader, so a page is one range of one index. Rows only say *that* something changed:
what the reader may see of it (the check-in itself, or that it was removed from their
view) is decided here, when they read.

May use `api.checkins` (rows, as `GET /checkins/{id}` shows them), `api.auth` (the
caller), `api.couples` (visibility, the couple), `api.questions` (a question as its reader sees
it), `api.http`, `api.clock`, `api.keys`, `models`.
"""
