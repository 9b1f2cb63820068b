"""Each domain error declares its gRPC and HTTP status once, on its class (services/common/errors.py):
the table below pins every class's pair, and a failed call through a real server and client comes
back as the error the service raised (or, for errors sharing a status, the one that status stands for)."""
from __future__ import annotations

import json

import grpc
import pytest

from services.common import context
from services.common.errors import (RAISED_BY_CALLS, AlreadyExists, DomainError, FieldProblem, InUse, InvalidInput, NotFound,
                                    PermissionDenied, TooManyAttempts, Unauthenticated, Unavailable)
from services.common.grpc_client import ERROR_FOR, call, channel, domain_error
from services.common.grpc_server import GrpcServer, status_for
from services.gateway.app import PasswordChangeRequired
from services.gateway.bodies import BadRequest
from services.gateway.forms import PayloadTooLarge
from services.gen.tracker.imports.v1 import imports_service_pb2 as pb
from services.gen.tracker.imports.v1 import imports_service_pb2_grpc as pb_grpc

# What every service and the gateway answer today, one row per class: (gRPC status, HTTP status, error the caller gets).
EXPECTED = {
    DomainError: ("FAILED_PRECONDITION", 409, InUse),
    InvalidInput: ("INVALID_ARGUMENT", 422, InvalidInput),
    BadRequest: ("INVALID_ARGUMENT", 400, InvalidInput),
    PayloadTooLarge: ("INVALID_ARGUMENT", 413, InvalidInput),
    NotFound: ("NOT_FOUND", 404, NotFound),
    AlreadyExists: ("ALREADY_EXISTS", 409, AlreadyExists),
    InUse: ("FAILED_PRECONDITION", 409, InUse),
    PermissionDenied: ("PERMISSION_DENIED", 403, PermissionDenied),
    PasswordChangeRequired: ("PERMISSION_DENIED", 403, PermissionDenied),
    Unauthenticated: ("UNAUTHENTICATED", 401, Unauthenticated),
    TooManyAttempts: ("FAILED_PRECONDITION", 429, InUse),
    Unavailable: ("UNAVAILABLE", 503, Unavailable),
}


def _every_error_class() -> set[type[DomainError]]:
    found, todo = set(), [DomainError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return {cls for cls in found if cls.__module__.startswith("services.")}


def _an(cls: type[DomainError]) -> DomainError:
    if issubclass(cls, TooManyAttempts):
        return cls("slow down", retry_after=30)
    return cls("personal_ref: is required", [FieldProblem("personal_ref", "is required")])


def test_every_domain_error_declares_a_grpc_and_an_http_status():
    for cls in _every_error_class():
        assert cls.grpc_status in grpc.StatusCode.__members__, cls
        assert isinstance(cls.http_status, int) and 400 <= cls.http_status < 600, cls


def test_the_statuses_of_every_domain_error_are_the_ones_pinned_here():
    assert _every_error_class() == set(EXPECTED)  # a new error class gets its row here
    for cls, (grpc_name, http, _) in EXPECTED.items():
        assert (cls.grpc_status, cls.http_status) == (grpc_name, http), cls
        assert status_for(_an(cls)) == grpc.StatusCode[grpc_name], cls


def test_the_client_lookup_is_built_from_the_classes_one_error_per_status():
    assert len({cls.grpc_status for cls in RAISED_BY_CALLS}) == len(RAISED_BY_CALLS)
    assert ERROR_FOR == {
        grpc.StatusCode.INVALID_ARGUMENT: InvalidInput, grpc.StatusCode.NOT_FOUND: NotFound,
        grpc.StatusCode.ALREADY_EXISTS: AlreadyExists, grpc.StatusCode.FAILED_PRECONDITION: InUse,
        grpc.StatusCode.PERMISSION_DENIED: PermissionDenied, grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
        grpc.StatusCode.UNAVAILABLE: Unavailable, grpc.StatusCode.DEADLINE_EXCEEDED: Unavailable,
    }


class _Raising(pb_grpc.ImportsServicer):
    """GetRun raises the domain error named by run_id, as a use case would."""

    def GetRun(self, request, ctx):
        if request.run_id == "many":
            raise InvalidInput("columns: unknown", [FieldProblem(f"columns[{i}]", "is not a column " + "x" * 60)
                                                     for i in range(500)])
        cls = next(cls for cls in EXPECTED if cls.__name__ == request.run_id)
        raise _an(cls)


@pytest.fixture(scope="module")
def stub():
    server = GrpcServer("errors-test", "127.0.0.1:0",
                        [(pb_grpc.add_ImportsServicer_to_server, _Raising(), "tracker.imports.v1.Imports")]).start()
    ch = channel(server.address)
    yield pb_grpc.ImportsStub(ch)
    ch.close()
    server.stop(0)


@pytest.mark.parametrize("cls", list(EXPECTED), ids=lambda cls: cls.__name__)
def test_an_error_raised_by_a_service_comes_back_to_the_caller(stub, cls):
    _, _, comes_back_as = EXPECTED[cls]
    with context.bound(context.CallContext(landlord_id="L1")), pytest.raises(DomainError) as raised:
        call(stub.GetRun, pb.GetRunRequest(run_id=cls.__name__))
    assert type(raised.value) is comes_back_as
    if cls in RAISED_BY_CALLS:
        assert comes_back_as is cls  # the round trip gives the same class
    sent = _an(cls)
    assert raised.value.message == sent.message
    assert raised.value.fields == sent.fields


class _Failed(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode, details: str):
        self._code, self._details = code, details

    def code(self):
        return self._code

    def details(self):
        return self._details


def test_a_timeout_is_unavailable_and_a_status_no_error_declares_is_the_base_error():
    assert type(domain_error(_Failed(grpc.StatusCode.DEADLINE_EXCEEDED, ""))) is Unavailable
    unknown = domain_error(_Failed(grpc.StatusCode.RESOURCE_EXHAUSTED, "not json"))
    assert type(unknown) is DomainError and unknown.message == "resource_exhausted"
    internal = domain_error(_Failed(grpc.StatusCode.INTERNAL, json.dumps({"message": "internal error", "fields": []})))
    assert type(internal) is DomainError and internal.message == "internal error"


def test_more_problems_than_a_header_holds_still_come_back_as_the_first_ones_with_the_count(stub):
    with context.bound(context.CallContext(landlord_id="L1")), pytest.raises(InvalidInput) as raised:
        call(stub.GetRun, pb.GetRunRequest(run_id="many"))
    kept = raised.value.fields
    assert 0 < len(kept) < 500
    assert [f.field for f in kept] == [f"columns[{i}]" for i in range(len(kept))]
    assert raised.value.message == f"columns: unknown (the first {len(kept)} of 500 problems)"
