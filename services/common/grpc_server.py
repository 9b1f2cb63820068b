"""The gRPC server every service runs: landlord/user context from metadata, one
mapping from domain errors to status codes, metrics, health checking,
reflection and a graceful stop."""
from __future__ import annotations

import contextlib
import json
import logging
import time
from concurrent import futures
from typing import Callable, Sequence

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from . import context
from .errors import DomainError
from .grpc_client import MAX_MESSAGE_BYTES
from .metrics import RPC_DURATION, RPC_REQUESTS

log = logging.getLogger(__name__)


def status_for(error: DomainError) -> grpc.StatusCode:
    """The status the error's class declares (errors.py)."""
    return grpc.StatusCode[error.grpc_status]


MAX_DETAILS_BYTES = 6 * 1024  # status details travel in a header; gRPC refuses headers over 8 KiB in all


def error_details(error: DomainError) -> str:
    """The status details: JSON the gateway turns back into field-level messages. When the problems
    would not fit in a header, the first ones that fit are kept and the message says how many there were."""
    fields = [{"field": f.field, "reason": f.reason} for f in error.fields]
    details = json.dumps({"message": error.message, "fields": fields})
    kept = len(fields)
    while len(details.encode()) > MAX_DETAILS_BYTES and kept:
        kept //= 2
        message = f"{error.message} (the first {kept} of {len(fields)} problems)"
        details = json.dumps({"message": message[:1024], "fields": fields[:kept]})
    return details


class _ContextInterceptor(grpc.ServerInterceptor):
    def __init__(self, service: str):
        self.service = service

    def intercept_service(self, continuation, details):
        handler = continuation(details)
        if handler is None or handler.stream_stream is not None:
            return handler
        method = details.method.rsplit("/", 1)[-1]
        make = {"unary_unary": grpc.unary_unary_rpc_method_handler, "stream_unary": grpc.stream_unary_rpc_method_handler,
                "unary_stream": grpc.unary_stream_rpc_method_handler}
        for kind, make_handler in make.items():
            inner = getattr(handler, kind)
            if inner is not None:
                wrap = self._streaming if kind == "unary_stream" else self._unary
                return make_handler(wrap(details.method, method, inner), request_deserializer=handler.request_deserializer,
                                    response_serializer=handler.response_serializer)
        return handler

    def _unary(self, full_method: str, method: str, inner):
        def wrapped(request, ctx: grpc.ServicerContext):
            with self._guarded(full_method, method, ctx):
                return inner(request, ctx)
        return wrapped

    def _streaming(self, full_method: str, method: str, inner):
        def wrapped(request, ctx: grpc.ServicerContext):
            with self._guarded(full_method, method, ctx):
                yield from inner(request, ctx)
        return wrapped

    @contextlib.contextmanager
    def _guarded(self, full_method: str, method: str, ctx: grpc.ServicerContext):
        """The caller's context bound, domain errors as status codes, metrics, nothing internal leaked."""
        call = context.CallContext.from_metadata(ctx.invocation_metadata())
        started = time.perf_counter()
        code = grpc.StatusCode.OK
        with context.bound(call):
            try:
                yield
            except DomainError as error:
                code = status_for(error)
                ctx.abort(code, error_details(error))
            except Exception:
                if ctx.code() is not None and ctx.code() != grpc.StatusCode.OK:
                    code = ctx.code()
                    raise
                code = grpc.StatusCode.INTERNAL
                log.exception("unhandled error in %s", full_method)
                ctx.abort(code, json.dumps({"message": "internal error", "fields": []}))
            finally:
                RPC_REQUESTS.labels(self.service, method, code.name).inc()
                RPC_DURATION.labels(self.service, method).observe(time.perf_counter() - started)


class GrpcServer:
    """A started gRPC server; `port` is the bound port (useful when asked for port 0)."""

    def __init__(self, service: str, address: str,
                 registrations: Sequence[tuple[Callable, object, str]], max_workers: int = 16):
        self.service = service
        self._server = grpc.server(futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix=f"grpc-{service}"),
                                   interceptors=[_ContextInterceptor(service)],
                                   options=[("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
                                            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES)])
        self.health = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self._server)
        names = [health.SERVICE_NAME, reflection.SERVICE_NAME]
        for add_to_server, servicer, full_name in registrations:
            add_to_server(servicer, self._server)
            names.append(full_name)
        reflection.enable_server_reflection(names, self._server)
        self.port = self._server.add_insecure_port(address)
        if not self.port:
            raise RuntimeError(f"{service}: cannot bind gRPC on {address}")
        host = address.rsplit(":", 1)[0]
        self.address = f"{host}:{self.port}"
        self._names = names[2:]

    def start(self) -> "GrpcServer":
        self._server.start()
        for name in ["", *self._names]:
            self.health.set(name, health_pb2.HealthCheckResponse.SERVING)
        log.info("gRPC server started", extra={"service": self.service, "address": self.address})
        return self

    def stop(self, grace: float = 5.0) -> None:
        """Refuse new calls, let calls in flight finish (up to `grace` seconds)."""
        self.health.enter_graceful_shutdown()
        self._server.stop(grace).wait(grace + 1)

    def wait(self) -> None:
        self._server.wait_for_termination()
