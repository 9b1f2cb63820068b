"""Domain errors: raised by use cases. Each class declares, once, the gRPC status a service answers
it with (`grpc_status`, a grpc.StatusCode name, so domain code needs no gRPC) and the HTTP status the
gateway answers it with (`http_status`); grpc_server, grpc_client and the gateway read them.
Messages never carry personal data."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    field: str
    reason: str


class DomainError(Exception):
    code = "error"
    grpc_status = "FAILED_PRECONDITION"
    http_status = 409
    also_from_grpc: tuple[str, ...] = ()  # statuses no service answers on purpose that a call reports as this error

    def __init__(self, message: str, fields: list[FieldProblem] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or []

    @classmethod
    def field(cls, field: str, reason: str) -> "DomainError":
        """An error about one field, e.g. DomainError.field("personal_ref", "is required")."""
        return cls(f"{field}: {reason}", [FieldProblem(field, reason)])


class InvalidInput(DomainError):
    """The request is well formed but some fields are not acceptable."""
    code = "validation_failed"
    grpc_status = "INVALID_ARGUMENT"
    http_status = 422


class NotFound(DomainError):
    code = "not_found"
    grpc_status = "NOT_FOUND"
    http_status = 404


class AlreadyExists(DomainError):
    code = "conflict"
    grpc_status = "ALREADY_EXISTS"
    http_status = 409


class InUse(DomainError):
    """Records still use it (an option, a custom field): archive it instead, or change the records first."""
    code = "in_use"
    grpc_status = "FAILED_PRECONDITION"
    http_status = 409


class PermissionDenied(DomainError):
    code = "forbidden"
    grpc_status = "PERMISSION_DENIED"
    http_status = 403


class Unauthenticated(DomainError):
    code = "unauthenticated"
    grpc_status = "UNAUTHENTICATED"
    http_status = 401


class TooManyAttempts(DomainError):
    """Slow down: try again after `retry_after` seconds."""
    code = "too_many_attempts"
    grpc_status = "FAILED_PRECONDITION"
    http_status = 429

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(DomainError):
    code = "unavailable"
    grpc_status = "UNAVAILABLE"
    http_status = 503
    also_from_grpc = ("DEADLINE_EXCEEDED",)


# The errors a failed gRPC call comes back as, one per status (grpc_client builds its lookup from their
# grpc_status and also_from_grpc). The others share a status with one of these and come back as it
# (TooManyAttempts and the base DomainError as InUse, the gateway's own kinds of InvalidInput as
# InvalidInput); a status none of them declares comes back as the base DomainError.
RAISED_BY_CALLS: tuple[type[DomainError], ...] = (InvalidInput, NotFound, AlreadyExists, InUse, PermissionDenied,
                                                  Unauthenticated, Unavailable)


def collect(problems: list[FieldProblem]) -> None:
    """Raise one InvalidInput naming every problem, if there are any."""
    if problems:
        raise InvalidInput("; ".join(f"{p.field}: {p.reason}" for p in problems), problems)
