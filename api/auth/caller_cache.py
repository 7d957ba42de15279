"""Token checks without a query: each worker remembers callers, PostgreSQL says what changed.

Every authenticated request needs the same facts: is the token's family still live, who
is calling, and with whom are they paired. They change rarely (sign-out, a password
change, a profile edit, pairing and unpairing), so each worker keeps them, and the
database tells every worker when they change: triggers on `users`, `token_families`,
`couples` and `couple_members` (migration 0005) `NOTIFY attune_callers` with the user's
id, whatever code path made the change. Before each lookup a worker reads the
notifications waiting on its listening connection, without a round trip, and forgets
the callers concerned (the user, and whoever is paired with them).

A thread of the worker also reads them as they arrive, so that a worker nobody calls
does not hold back PostgreSQL's notification queue.

The writes of this worker also forget at once (`forget`), so a request always sees what
an earlier request of the same worker changed; other workers see it as soon as the
notification arrives, a fraction of a millisecond after the commit.

A worker that cannot listen (SQLite; the listening connection lost) asks the database
every time, and forgets everything when it listens again, because notifications sent
meanwhile were missed.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import psycopg
from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url

from api.couples.pairing import pairing_changed

if TYPE_CHECKING:
    from api.auth.caller import Caller

CHANNEL = "attune_callers"
MAX_CALLERS = 10_000
# A bound on how long an entry can outlive a notification that never came.
MAX_AGE_SECONDS = 60.0
RETRY_LISTENING_AFTER_SECONDS = 5.0
DRAIN_IDLE_SECONDS = 5.0
_KEY = "attune.caller_cache"

Key = tuple[uuid.UUID, uuid.UUID]


class CallerCache:
    def __init__(self, conninfo: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._conninfo = conninfo
        self._clock = clock
        self._listener: psycopg.Connection | None = None
        self._pid = os.getpid()
        self._retry_at = 0.0
        self._callers: dict[Key, tuple[Caller, float]] = {}
        # Moves on whenever something may have been forgotten.
        self._version = 0
        self._lock = threading.Lock()
        self._forgotten = threading.Condition(self._lock)

    def get(self, user_id: uuid.UUID, family_id: uuid.UUID) -> tuple[Caller | None, int]:
        """The remembered caller (or None), and the version to `put` a fresh one with."""
        with self._lock:
            if not self._listening():
                return None, -1
            entry = self._callers.get((user_id, family_id))
            version = self._version
        if entry is None or self._clock() - entry[1] > MAX_AGE_SECONDS:
            return None, version
        return entry[0], version

    def put(self, family_id: uuid.UUID, caller: Caller, version: int) -> None:
        """Remember `caller`, loaded after a `get` that gave `version`.

        If anything was forgotten since, the load may have raced that change (another
        thread of this worker may have read the news meanwhile): it is not kept.
        """
        with self._lock:
            if self._listener is None or version != self._version:
                return
            if len(self._callers) >= MAX_CALLERS:
                del self._callers[next(iter(self._callers))]
            self._callers[(caller.id, family_id)] = (caller, self._clock())

    @property
    def version(self) -> int:
        return self._version

    def wait_for_change(self, since: int, timeout: float) -> bool:
        """Wait until something is forgotten after `version` was `since` (for tests, tools)."""
        with self._forgotten:
            return self._forgotten.wait_for(lambda: self._version != since, timeout)

    def forget(self, user_id: uuid.UUID) -> None:
        """Forget the user's entries and those of whoever is paired with them."""
        with self._lock:
            self._forget_locked(user_id)

    def close(self) -> None:
        with self._lock:
            self._stop_listening()

    def _listening(self) -> bool:
        """Read what has changed; False if entries cannot be trusted right now."""
        if self._pid != os.getpid():
            # A forked worker shares its parent's socket: never read from it.
            self._pid, self._listener = os.getpid(), None
            self._clear_locked()
        if self._listener is None and not self._listen():
            return False
        return self._drain_locked()

    def _drain_locked(self) -> bool:
        """Forget what the waiting notifications name; False if the listener is gone."""
        assert self._listener is not None
        try:
            pgconn = self._listener.pgconn
            pgconn.consume_input()  # reads what has arrived; never waits
            if pgconn.status != psycopg.pq.ConnStatus.OK:
                raise psycopg.OperationalError("the listening connection was closed")
            changed = []
            while (notification := pgconn.notifies()) is not None:
                changed.append(notification.extra.decode())
        except psycopg.Error:
            self._stop_listening()
            return False
        for payload in changed:
            try:
                self._forget_locked(uuid.UUID(payload))
            except ValueError:
                self._clear_locked()  # not a user id: forget everyone to be safe
        return True

    def _drain_while_idle(self, listener: psycopg.Connection) -> None:
        """Read notifications even when no request comes.

        PostgreSQL keeps every notification until each listener has taken it; a worker
        that nobody calls for days would hold them all, and once that queue is full every
        transaction that notifies fails at commit.
        """
        while True:
            try:
                select.select([listener.pgconn.socket], [], [], DRAIN_IDLE_SECONDS)
            except (OSError, ValueError, psycopg.Error):
                return  # the listener was closed under us
            with self._lock:
                if self._listener is not listener or not self._drain_locked():
                    return

    def _forget_locked(self, user_id: uuid.UUID) -> None:
        self._version += 1
        self._forgotten.notify_all()
        for key in [
            key
            for key, (caller, _) in self._callers.items()
            if key[0] == user_id
            or (caller.pairing is not None and caller.pairing.partner.id == user_id)
        ]:
            del self._callers[key]

    def _listen(self) -> bool:
        if self._clock() < self._retry_at:
            return False
        try:
            self._listener = psycopg.connect(
                self._conninfo,
                autocommit=True,
                connect_timeout=5,
                # A connection that dies silently is noticed within about half a minute;
                # until then MAX_AGE_SECONDS bounds what could be missed.
                keepalives=1,
                keepalives_idle=10,
                keepalives_interval=5,
                keepalives_count=3,
            )
            self._listener.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            self._stop_listening()
            self._retry_at = self._clock() + RETRY_LISTENING_AFTER_SECONDS
            return False
        self._clear_locked()  # whatever changed while nobody listened is unknown
        threading.Thread(
            target=self._drain_while_idle,
            args=(self._listener,),
            name="caller-cache-listener",
            daemon=True,
        ).start()
        return True

    def _clear_locked(self) -> None:
        self._version += 1
        self._forgotten.notify_all()
        self._callers.clear()

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        self._clear_locked()
        if listener is not None and self._pid == os.getpid():
            with contextlib.suppress(psycopg.Error):
                listener.close()


def init_caller_cache(app: Flask, engine: Engine) -> None:
    """Remember callers on PostgreSQL, where the database can say what changed."""
    # Whatever pairs or unpairs people forgets them here at once, on any database.
    pairing_changed.connect(_forget_on_pairing_change)
    if engine.dialect.name != "postgresql" or not app.config["REMEMBER_CALLERS"]:
        return
    url = make_url(app.config["DATABASE_LISTEN_URL"] or engine.url).set(drivername="postgresql")
    cache = CallerCache(url.render_as_string(hide_password=False))
    app.extensions[_KEY] = cache

    @event.listens_for(engine, "engine_disposed")
    def _close(_engine: Any) -> None:
        cache.close()


def caller_cache() -> CallerCache | None:
    cache: CallerCache | None = current_app.extensions.get(_KEY)
    return cache


def _forget_on_pairing_change(_app: Any, *, user_id: uuid.UUID) -> None:
    forget_caller(user_id)


def forget_caller(user_id: uuid.UUID) -> None:
    """Forget a changed user in this worker now; the trigger tells the other workers."""
    cache = caller_cache()
    if cache is not None:
        cache.forget(user_id)
