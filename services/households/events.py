"""Domain events of households -> protobuf events on tracker.households.v1."""
from __future__ import annotations

from typing import Iterable

from google.protobuf import struct_pb2

from services.common import topics
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.households.v1 import events_pb2

from .domain import HouseholdChanged



def struct(values) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(dict(values))
    return message


def household_changed(event: HouseholdChanged) -> events_pb2.HouseholdChanged:
    born = event.youngest_date_of_birth
    return events_pb2.HouseholdChanged(
        household_id=event.household_id, version=event.version, occupant_ids=list(event.occupant_ids),
        occupant_count=len(event.occupant_ids), youngest_date_of_birth=born.isoformat() if born else "",
        property_profile=struct(event.property_profile), household_profile=struct(event.household_profile),
        property_ref=event.property_ref)


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    if isinstance(event, HouseholdChanged):
        yield wrap(topics.HOUSEHOLDS, event.landlord_id, event.household_id, household_changed(event), event.occurred_at)
    else:
        raise TypeError(f"no event mapping for {type(event).__name__}")
