"""Schemathesis against the OpenAPI document, as a signed-in site administrator
(every landlord route) and as the platform operator (the operator's routes), on
a platform of its own on embedded defaults: whatever it generates, valid or not,
the gateway never answers a server error, answers only statuses the document
declares for the operation, and says which methods a route allows (405 + Allow).
Bounded: a fixed number of examples per operation and a time limit."""
from __future__ import annotations

import copy
import time
from collections import Counter

import pytest
import schemathesis
from schemathesis import engine
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events

from services.common.devrunner import Platform
from tests.conftest import embedded_settings
from tests.e2e.conftest import ApiClient, new_landlord, new_provider_user

MAX_EXAMPLES = 10  # per operation and round (examples, coverage of boundaries, rounds of fuzzing)
ADMIN_SECONDS, OPERATOR_SECONDS, PROVIDER_SECONDS = 150, 30, 30  # fuzzing goes round the operations until its time is up
CHECKS = ("not_a_server_error", "status_code_conformance", "unsupported_method")


@pytest.fixture(scope="module")
def fuzzed_platform(tmp_path_factory):
    running = Platform(embedded_settings(tmp_path_factory.mktemp("var-fuzz")), ephemeral_ports=True).start()
    yield running
    running.stop()


def _operations_for(document: dict, kinds: set[str]) -> dict:
    """The document with only the operations whose x-access kind is one of `kinds`."""
    kept = copy.deepcopy(document)
    for path, operations in list(kept["paths"].items()):
        for method in [m for m, op in operations.items() if op["x-access"]["kind"] not in kinds]:
            del operations[method]
        if not operations:
            del kept["paths"][path]
    return kept


def _run(base: str, document: dict, token: str, seconds: int) -> dict:
    config = SchemathesisConfig.from_dict({
        "base-url": base,
        "headers": {"Authorization": f"Bearer {token}"},
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
        "phases": {"stateful": {"enabled": False}},
        "max-time": seconds,
        "suppress-health-check": ["all"],
        "request-timeout": 30,
    })
    schema = schemathesis.openapi.from_dict(document, config=config)
    figures = {"operations": set(), "cases": 0, "statuses": Counter(), "failures": {}, "seconds": 0.0, "stop": None}
    started = time.monotonic()
    for event in engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished) and event.is_test_scenario:
            figures["operations"].add(event.label)
            figures["cases"] += len(event.recorder.cases)
            for interaction in event.recorder.interactions.values():
                if interaction.response is not None:
                    figures["statuses"][interaction.response.status_code] += 1
            for case_id, checks in event.recorder.checks.items():
                for check in checks:
                    if check.failure_info is not None:
                        key = (event.label, check.name, check.failure_info.failure.title)
                        figures["failures"].setdefault(key, check.failure_info.code_sample)
        elif isinstance(event, events.NonFatalError):
            figures["failures"].setdefault((event.label, "error", event.info.title), str(event.info))
        elif isinstance(event, events.FatalError):
            raise AssertionError(f"schemathesis could not run: {event.exception}")
        elif isinstance(event, events.EngineFinished):
            figures["stop"] = event.stop_reason.value
    figures["seconds"] = round(time.monotonic() - started, 1)
    return figures


def _report(who: str, figures: dict) -> str:
    lines = [f"{who}: {len(figures['operations'])} operations, {figures['cases']} cases in {figures['seconds']} s "
             f"(stopped: {figures['stop']}); statuses {dict(sorted(figures['statuses'].items()))}"]
    lines += [f"  {label} [{check}] {title}\n    {reproduce}" for (label, check, title), reproduce in
              sorted(figures["failures"].items())]
    return "\n".join(lines)


@pytest.mark.timeout(ADMIN_SECONDS + OPERATOR_SECONDS + PROVIDER_SECONDS + 240)
def test_no_generated_request_gets_a_server_error_or_an_undocumented_status(fuzzed_platform, capsys):
    anonymous = ApiClient(fuzzed_platform.url)
    operator = anonymous.sign_in("operator", "sturdy-lantern-harbour-42")
    _, admin = new_landlord(operator)
    document = anonymous.get("/api/v1/openapi.json").json()
    landlord_routes = _operations_for(document, {"public", "signed", "signed_in", "landlord", "staff"})
    operator_routes = _operations_for(document, {"operator"})
    provider_routes = _operations_for(document, {"provider", "operator_or_provider"})
    documented = sum(len(ops) for ops in document["paths"].values())

    as_admin = _run(fuzzed_platform.url, landlord_routes, admin.token, ADMIN_SECONDS)
    as_operator = _run(fuzzed_platform.url, operator_routes, operator.token, OPERATOR_SECONDS)
    as_provider = _run(fuzzed_platform.url, provider_routes, new_provider_user(operator).token, PROVIDER_SECONDS)
    runs = (("site administrator", as_admin), ("platform operator", as_operator), ("provider manager", as_provider))
    report = "\n".join(_report(who, figures) for who, figures in runs)
    with capsys.disabled():
        print(f"\nschemathesis, {documented} documented operations:\n{report}")
    assert not any(figures["failures"] for _, figures in runs), report
    assert len(set().union(*(figures["operations"] for _, figures in runs))) == documented, report

