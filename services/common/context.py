"""Who is asking, for which landlord, in which request: carried in contextvars
inside a process and in gRPC metadata between services."""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass
from typing import Iterator, Sequence

from .errors import Unauthenticated
from services.common.ids import new_uuid

LANDLORD_KEY = "x-landlord-id"
USER_KEY = "x-user-id"
REQUEST_KEY = "x-request-id"


@dataclass(frozen=True)
class CallContext:
    landlord_id: str = ""
    user_id: str = ""
    request_id: str = ""

    def metadata(self) -> list[tuple[str, str]]:
        pairs = [(LANDLORD_KEY, self.landlord_id), (USER_KEY, self.user_id), (REQUEST_KEY, self.request_id)]
        return [(k, v) for k, v in pairs if v]

    @classmethod
    def from_metadata(cls, metadata: Sequence[tuple[str, str]] | None) -> "CallContext":
        values = dict(metadata or ())
        return cls(
            landlord_id=values.get(LANDLORD_KEY, ""),
            user_id=values.get(USER_KEY, ""),
            request_id=values.get(REQUEST_KEY, "") or new_request_id(),
        )


_current: contextvars.ContextVar[CallContext] = contextvars.ContextVar("call_context", default=CallContext())


def new_request_id() -> str:
    return new_uuid().hex


def current() -> CallContext:
    return _current.get()


def require_landlord() -> str:
    """The landlord the current call is for; a call that names none is refused."""
    landlord_id = current().landlord_id
    if not landlord_id:
        raise Unauthenticated("no landlord in the call metadata")
    return landlord_id


def enter(ctx: CallContext) -> contextvars.Token:
    """Bind `ctx` until leave(token): for frameworks with separate begin and end hooks."""
    return _current.set(ctx)


def leave(token: contextvars.Token) -> None:
    _current.reset(token)


@contextlib.contextmanager
def bound(ctx: CallContext) -> Iterator[CallContext]:
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)
