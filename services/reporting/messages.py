"""Other services' messages read into the states reporting counts (for the event handlers and the
recount alike)."""
from __future__ import annotations

import datetime as dt

from google.protobuf import json_format

from .contacts.domain import ContactState
from .domain import ACTIVITY, ADMIN_GROUP, HouseholdState, MembershipState, PersonState


def person_state(person) -> PersonState:
    """A Person message (an event's, or profiles' stream's) as reporting counts it."""
    born = person.fields["date_of_birth"] if "date_of_birth" in person.fields else None
    return PersonState(person.person_id, person.version, person.status,
                       dt.date.fromisoformat(born) if born else None,
                       {name: tuple(chosen.ids) for name, chosen in person.options.items() if chosen.ids})


def profile_values(changed) -> dict[str, object]:
    """A HouseholdChanged event's property and household custom field values by field id."""
    return {**struct_of(changed, "property_profile"), **struct_of(changed, "household_profile")}


def household_state(changed, choice_ids: frozenset[str] = frozenset()) -> HouseholdState:
    """A HouseholdChanged event as reporting counts it: its choice fields (`choice_ids`) as "cf.<field id>"."""
    chosen = {}
    for field_id, value in profile_values(changed).items():
        if field_id in choice_ids and value:
            chosen[f"cf.{field_id}"] = tuple(value) if isinstance(value, list) else (str(value),)
    return HouseholdState(changed.household_id, changed.version, changed.occupant_count, chosen)


def membership_state(changed) -> MembershipState:
    """A PersonGroupsChanged event as reporting counts it."""
    return MembershipState(changed.person_id, changed.version,
                           {ADMIN_GROUP: tuple(changed.admin_group_ids), ACTIVITY: tuple(changed.activity_ids)})


def struct_of(message, field: str) -> dict:
    """A Struct field of a request as a dict ({} when not set)."""
    return json_format.MessageToDict(getattr(message, field)) if message.HasField(field) else {}


def contact_state(recorded) -> ContactState:
    """A CommunicationRecorded event as the contacts report keeps it."""
    return ContactState(recorded.communication_id, recorded.version, recorded.person_id, recorded.communication_code,
                        recorded.communication_label or recorded.communication_code, recorded.outcome_code,
                        dt.date.fromisoformat(recorded.date), recorded.deleted)
