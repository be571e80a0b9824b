"""Schemathesis against /openapi.json, in-process: no 5xx and no response that breaks the schema.

Hypothesis generates the cases (valid and invalid data for every documented operation, bounded);
they are sent to the ASGI app with httpx on the test's own event loop, so the app runs exactly as
in every other test, against the real database; each response is checked by Schemathesis.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from moderation.states import StaffRole
from stories_service.redaction_warm_up import engine_ready
from tests.protection.factories import submit
from tests.staffing import make_staff

EXAMPLES = int(os.environ.get("STORIES_FUZZ_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def generate_cases(schema: Any, mode: GenerationMode, examples: int) -> list[Any]:
    """Cases for every operation, drawn by Hypothesis without any I/O."""
    cases: list[Any] = []
    for result in schema.get_all_operations():
        cases += _draw(result.ok(), mode, examples)
    return cases


def _draw(operation: Any, mode: GenerationMode, examples: int) -> list[Any]:
    drawn: list[Any] = []

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def draw(case: Any) -> None:
        drawn.append(case)

    # An operation without parameters or body has nothing to make invalid.
    with contextlib.suppress(Unsatisfiable):
        draw()
    return drawn


async def send(http: httpx.AsyncClient, case: Any, auth: dict[str, str]) -> httpx.Response:
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = {**(kwargs.get("headers") or {})}
    if "authorization" not in {k.lower() for k in headers}:
        headers.update(auth)
    request: dict[str, Any] = {
        "method": kwargs["method"],
        "url": kwargs["url"],
        "headers": headers,
        "params": kwargs.get("params"),
    }
    if "json" in kwargs:
        request["json"] = kwargs["json"]
    elif "data" in kwargs:
        request["content"] = kwargs["data"]
    return await http.request(**request)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
async def test_the_api_keeps_its_documented_contract(
    client: httpx.AsyncClient, override_settings, mode: GenerationMode
) -> None:
    override_settings(receipt_rate_per_15min=10**6, submit_rate_per_hour=10**6)
    # /readyz answers 503 until the redaction engine is built (a server error, by design):
    # this process may not have used the engine yet.
    await engine_ready()
    document = (await client.get("/openapi.json")).json()
    schema = schemathesis.openapi.from_dict(document)
    admin = await make_staff(StaffRole.ADMIN)
    await submit(client, "fuzzcanary")  # something for look-ups to find or miss
    cases = generate_cases(schema, mode, EXAMPLES)
    assert len(cases) >= 5 * len(document["paths"])
    failures: dict[str, str] = {}
    statuses: set[int] = set()
    for index, case in enumerate(cases):
        auth = admin.headers if index % 2 else {}
        response = await send(client, case, auth)
        statuses.add(response.status_code)
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as error:  # collect them all, then report
            found = [f.title for f in getattr(error, "exceptions", [error])]
            key = f"{case.method} {case.path} -> {response.status_code}: {found}"
            failures.setdefault(key, str(error)[:800])
    assert not failures, "\n".join(failures) + "\n\n" + "\n\n".join(list(failures.values())[:3])
    assert all(status < 500 for status in statuses)


def test_the_case_generator_draws_varied_data() -> None:
    @given(st.integers())
    @settings(max_examples=3, database=None)
    def nothing(value: int) -> None:
        assert isinstance(value, int)

    nothing()
