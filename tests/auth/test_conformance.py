"""Schemathesis on the provider operations with both providers switched on (the
stand-in answers), so the fuzzing reaches token verification, not just provider_disabled."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode

from tests.api.test_schemathesis import CHECKS_TO_RUN
from tests.conftest import Accounts

OPERATIONS = [
    ("POST", "/api/v1/auth/apple"),
    ("POST", "/api/v1/auth/google"),
    ("POST", "/api/v1/me/identities"),
    ("DELETE", "/api/v1/me/identities/{provider}"),
    ("DELETE", "/api/v1/me"),
]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_provider_operation_conforms_with_providers_on(app, client, method, path, mode):
    operation = schemathesis.openapi.from_wsgi("/openapi.json", app)[path][method]
    bearer = Accounts(client).register("Fuzz")["headers"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def conforms(case):
        case.call_and_validate(headers=bearer, checks=CHECKS_TO_RUN)

    conforms()
