"""gunicorn settings, read from the environment: `gunicorn wsgi:app` picks this file up.

Workers are stateless (tokens, revocations and couples live in PostgreSQL, rate-limit
counts in Redis), so they scale out behind a load balancer.
"""

import json
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# gunicorn's sync and gthread workers, answering what gunicorn itself refuses (a URL over
# 4,094 bytes: 414; headers too large: 431) with problem+json, like every other answer.
worker_class = (
    "api.http.gunicorn_workers.ProblemThreadWorker"
    if threads > 1
    else "api.http.gunicorn_workers.ProblemSyncWorker"
)

# A request that takes 30 s is stuck; SIGTERM lets in-flight requests finish for 30 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak cannot grow without bound. Not too often:
# a worker serves ~1,000 requests a second, and a restart (imports, app, the listening
# connection) stalls its queue for half a second; at 10,000 the bench saw p99 spikes of
# 400-800 ms from restarts every ten seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "200000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "20000"))

# The app writes its own JSON access line (with route and request id). gunicorn's, also
# JSON, is there for deployments that want the proxy-level view as well.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in {"1", "true"} else None
access_log_format = json.dumps(
    {
        "time": "%(t)s",
        "remote": "%(h)s",
        "method": "%(m)s",
        "path": "%(U)s",
        "status": "%(s)s",
        "bytes": "%(B)s",
        "duration_us": "%(D)s",
        "request_id": "%({x-request-id}o)s",
    }
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def on_starting(server):
    """In gunicorn's master, once every source of settings (this file, WEB_CONCURRENCY,
    -w, GUNICORN_CMD_ARGS) has been merged: the one place the worker count is known."""
    from api.config import config_from_environment, refuse_per_worker_limits

    # A ConfigError is a RuntimeError: gunicorn prints it and exits with status 1.
    refuse_per_worker_limits(config_from_environment(), server.cfg.workers)
