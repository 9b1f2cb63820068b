"""Messaging, as the referrals service sees it: a notice emailed to a provider (an appointment request) through
the platform's SMTP channel. Over gRPC; the caller's landlord travels in the call context."""
from __future__ import annotations

from typing import Protocol

from services.common.grpc_client import call, channel
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb, messaging_service_pb2_grpc as pb_grpc

TIMEOUT = 60.0


class Mail(Protocol):
    def notice(self, *, to: str, subject: str, text: str) -> None:
        """Email `text` to `to`; Unavailable when it could not go."""


class MessagingMail:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.MessagingStub(self._channel)

    def notice(self, *, to: str, subject: str, text: str) -> None:
        call(self._stub.SendNotice, pb.NoticeRequest(to=to, subject=subject, text=text), timeout=TIMEOUT)

    def close(self) -> None:
        self._channel.close()
