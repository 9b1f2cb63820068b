"""Domain errors: raised by use cases, mapped once to gRPC codes (grpc_server) and
once from gRPC codes to HTTP (gateway). Messages never carry personal data."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    field: str
    reason: str


class DomainError(Exception):
    code = "error"

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


class NotFound(DomainError):
    code = "not_found"


class AlreadyExists(DomainError):
    code = "conflict"


class InUse(DomainError):
    """Records still use it (an option, a custom field): archive it instead, or change the records first."""
    code = "in_use"


class PermissionDenied(DomainError):
    code = "forbidden"


class Unauthenticated(DomainError):
    code = "unauthenticated"


class TooManyAttempts(DomainError):
    """Slow down: try again after `retry_after` seconds."""
    code = "too_many_attempts"

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(DomainError):
    code = "unavailable"


def collect(problems: list[FieldProblem]) -> None:
    """Raise one InvalidInput naming every problem, if there are any."""
    if problems:
        raise InvalidInput("; ".join(f"{p.field}: {p.reason}" for p in problems), problems)
