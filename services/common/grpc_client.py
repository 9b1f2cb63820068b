"""gRPC channels to other services: the caller's context goes in metadata, and a
failed call comes back as the same domain error the service raised."""
from __future__ import annotations

import collections
import json
from typing import Iterator

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from . import context
from .errors import RAISED_BY_CALLS, DomainError, FieldProblem

# A failed call's status -> the domain error behind it, from the statuses the error classes declare.
ERROR_FOR: dict[grpc.StatusCode, type[DomainError]] = {
    grpc.StatusCode[status]: cls for cls in RAISED_BY_CALLS for status in (cls.grpc_status, *cls.also_from_grpc)}


class _Details(
    collections.namedtuple("_Details", ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression")),
    grpc.ClientCallDetails,
):
    pass


class _MetadataInterceptor(grpc.UnaryUnaryClientInterceptor, grpc.StreamUnaryClientInterceptor,
                          grpc.UnaryStreamClientInterceptor):
    """The caller's context (x-landlord-id, x-user-id, x-request-id) on every call: unary, uploads
    streamed to a service (stream-unary) and downloads streamed from it (unary-stream)."""

    @staticmethod
    def _with_context(details) -> _Details:
        metadata = list(details.metadata or []) + context.current().metadata()
        return _Details(details.method, details.timeout, metadata, details.credentials,
                        getattr(details, "wait_for_ready", None), getattr(details, "compression", None))

    def intercept_unary_unary(self, continuation, details, request):
        return continuation(self._with_context(details), request)

    def intercept_stream_unary(self, continuation, details, request_iterator):
        return continuation(self._with_context(details), request_iterator)

    def intercept_unary_stream(self, continuation, details, request):
        return continuation(self._with_context(details), request)


MAX_MESSAGE_BYTES = 16 * 1024 * 1024  # room for a 10 MiB document on a person's record, and its details
CHANNEL_OPTIONS = [
    # Spread calls over every address the name resolves to (e.g. a headless Kubernetes Service).
    ("grpc.lb_policy_name", "round_robin"),
    ("grpc.keepalive_time_ms", 30_000),
    # A service restarted (a new pod, a crash) is tried again within seconds, not after gRPC's default
    # backoff of up to two minutes, during which every call through this channel would fail at once.
    ("grpc.initial_reconnect_backoff_ms", 500),
    ("grpc.max_reconnect_backoff_ms", 5_000),
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
]


def channel(address: str) -> grpc.Channel:
    return grpc.intercept_channel(grpc.insecure_channel(address, options=CHANNEL_OPTIONS), _MetadataInterceptor())


def domain_error(error: grpc.RpcError) -> DomainError:
    """Turn a failed call back into the domain error behind it."""
    cls = ERROR_FOR.get(error.code())
    try:
        body = json.loads(error.details() or "{}")
    except ValueError:
        body = {}
    message = body.get("message") or f"{error.code().name.lower()}"
    fields = [FieldProblem(f["field"], f["reason"]) for f in body.get("fields", [])]
    if cls is None:
        return DomainError(message, fields)
    return cls(message, fields)


def call(method, request, timeout: float = 10.0):
    """Call a stub method, raising the domain error on failure."""
    try:
        return method(request, timeout=timeout)
    except grpc.RpcError as error:
        raise domain_error(error) from None


def call_stream(method, request, timeout: float = 10.0) -> "Streamed":
    """Call a stub method that answers a stream. The first message is awaited here, so a call the
    service refuses raises its domain error at once (before an HTTP answer starts)."""
    responses = method(request, timeout=timeout)
    try:
        first = next(responses, _END)
    except grpc.RpcError as error:
        responses.cancel()
        raise domain_error(error) from None
    return Streamed(responses, first)


_END = object()


class Streamed:
    """The messages of a streamed answer: iterating gives them all (raising the domain error if the
    stream fails part way); `close()` cancels the call, whether or not iteration ever started (the
    client went away)."""

    def __init__(self, responses, first):
        self._responses = responses
        self._first = first

    def __iter__(self) -> Iterator:
        try:
            if self._first is _END:
                return
            first, self._first = self._first, _END
            yield first
            yield from self._responses
        except grpc.RpcError as error:
            raise domain_error(error) from None

    def close(self) -> None:
        self._responses.cancel()


def is_serving(address: str, timeout: float = 2.0) -> bool:
    with grpc.insecure_channel(address) as ch:
        try:
            answer = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(service=""), timeout=timeout)
        except grpc.RpcError:
            return False
    return answer.status == health_pb2.HealthCheckResponse.SERVING
