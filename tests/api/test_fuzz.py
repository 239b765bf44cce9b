"""Schemathesis against the API's own OpenAPI document, in-process, signed in as a fresh user.

Every operation gets a bounded number of generated requests, valid and invalid alike; no answer may be a 500,
and every answer must match the status codes and the response schema the document declares. Hypothesis is
derandomized so CI sees the same requests every run. `POST /pam/speech` is left out: it synthesises speech
through edge-tts, whose default endpoint is on the internet.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api import Account
from wheels_wins.api.app import fastapi_app
from wheels_wins.services.rate_limits import reset_rate_limits

schema = schemathesis.openapi.from_asgi("/api/openapi.json", fastapi_app).exclude(path="/api/v1/pam/speech")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(
    max_examples=15,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
def test_api_conforms_to_its_schema(case: schemathesis.Case, alice: Account) -> None:
    reset_rate_limits()
    case.call_and_validate(headers=alice.headers, checks=CHECKS)
