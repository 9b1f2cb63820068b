"""Wrapping and unwrapping events in the protobuf envelope."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from google.protobuf.message import DecodeError, Message as ProtoMessage

from services.gen.tracker.common.v1 import envelope_pb2
from services.common.ids import new_id

from . import context


@dataclass(frozen=True)
class OutgoingEvent:
    """An event ready for the outbox: topic, key and the serialized envelope."""
    event_id: str
    landlord_id: str
    topic: str
    key: str
    envelope: bytes


def wrap(topic: str, landlord_id: str, entity_id: str, payload: ProtoMessage, occurred_at: dt.datetime) -> OutgoingEvent:
    """The event in its envelope; `occurred_at` is when the change was made, by the service's clock."""
    env = envelope_pb2.EventEnvelope(
        event_id=new_id(),
        type=payload.DESCRIPTOR.full_name,
        landlord_id=landlord_id,
        entity_id=entity_id,
        schema_version=1,
        request_id=context.current().request_id,
    )
    env.occurred_at.FromDatetime(occurred_at)
    env.payload.Pack(payload)
    return OutgoingEvent(env.event_id, landlord_id, topic, f"{landlord_id}:{entity_id}", env.SerializeToString())


def unwrap(data: bytes) -> envelope_pb2.EventEnvelope:
    env = envelope_pb2.EventEnvelope()
    try:
        env.ParseFromString(data)
    except DecodeError:
        raise ValueError("not an event envelope") from None
    if not env.event_id or not env.landlord_id:
        raise ValueError("event envelope without event_id or landlord_id")
    return env


def payload_as(env: envelope_pb2.EventEnvelope, message_type: type[ProtoMessage]) -> ProtoMessage:
    message = message_type()
    if not env.payload.Unpack(message):
        raise ValueError(f"payload is {env.payload.TypeName()}, not {message_type.DESCRIPTOR.full_name}")
    return message
