"""The server `make demo` starts: the real app, with a clock the demo can move.

The clock reads the time from a file (DEMO_CLOCK_FILE) so that the demo can play a week
in a minute. It exists only here, for the demo; the app itself always reads real time.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from api import create_app

_clock_file = Path(os.environ["DEMO_CLOCK_FILE"])


def _demo_now() -> datetime:
    return datetime.fromisoformat(_clock_file.read_text().strip())


app = create_app()
app.config["CLOCK"] = _demo_now
