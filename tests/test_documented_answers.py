"""Runs last: every answer the suite saw is one /openapi.json describes.

tests/documented.py watched every request of this run (see there). Run alone, this test
has seen nothing and passes; in a whole run (`make test`, CI) it holds every operation to
its documentation: each problem `code` listed for its status, each body matching its schema.
"""

from __future__ import annotations

import pytest

from tests.documented import OBSERVED, explain


@pytest.mark.runs_last
def test_every_answer_the_suite_saw_is_documented():
    findings = list(OBSERVED.findings())
    if not findings:
        return
    spec = OBSERVED.document()
    lines = "\n".join(f"- {explain(finding, spec)}" for finding in findings)
    pytest.fail(
        f"{len(findings)} of the answers this run saw ({OBSERVED.seen} in all) are not what "
        f"/openapi.json says:\n{lines}",
        pytrace=False,
    )
