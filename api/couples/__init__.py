"""Who is paired with whom: invite codes, pairing and unpairing, what a partner may see.

May use `api.http`, `api.clock`, `api.keys` and `models`. Rooms that remember pairings (the
caller cache) hear of changes through `pairing.pairing_changed`, not by being called from here.
"""
