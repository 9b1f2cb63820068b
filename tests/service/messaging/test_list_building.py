"""Building a message's list as profiles streams the people, on embedded storage with a fake profiles: every
chunk joins, each person once; a message sent while its list was being built keeps its list as it was (nothing
of the build joins); criteria picking more than a list holds are refused on the first chunk, nothing joined."""
from __future__ import annotations

import pytest

from services.common.errors import InUse, InvalidInput
from services.messaging.messages import service as messages
from services.messaging.messages.domain import SENDING
from services.messaging.messages.store import Messages
from tests.service.messaging.address_book import FakeAddressBook

EMAIL = {"channel": "email", "description": "Chunks", "sender_name": "Northfield Homes",
         "sender_email": "hello@example.org", "subject": "Hello {{first_name}}", "html": "<p>{{greeting}},</p>"}


class Streamed(FakeAddressBook):
    """Profiles streaming the people a few at a time; `meanwhile` runs before the first chunk comes."""

    def __init__(self, chunk: int = 3, total: int | None = None):
        super().__init__()
        self.chunk, self.total, self.meanwhile = chunk, total, None

    def picked(self, criteria, channel):
        found = self.addressees_now(criteria["person_id"], channel)
        if self.meanwhile:
            self.meanwhile()
        for start in range(0, len(found), self.chunk):
            yield (self.total or len(found)) if start == 0 else 0, found[start:start + self.chunk]


@pytest.fixture
def people():
    return Streamed()


def _draft(messaging, landlord) -> str:
    with messaging.runtime.uow(landlord) as uow:
        return messages.create(uow, user_id="U1", fields=EMAIL).message_id


def _build(messaging, landlord, people, message_id, person_ids):
    return messages.add_recipients(lambda: messaging.runtime.uow(landlord), people, message_id=message_id,
                                   criteria={"person_id": person_ids})


def _counts(messaging, landlord, message_id) -> dict:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return Messages(uow.session, landlord).counts(message_id)


def test_every_chunk_joins_each_person_once(messaging, landlord, people):
    ids = [people.add(f"Resident{n}", "Example", email_address=f"resident{n}@example.org") for n in range(8)]
    ids.append(people.add("Nomail", "Example"))
    message_id = _draft(messaging, landlord)
    _build(messaging, landlord, people, message_id, ids)
    _build(messaging, landlord, people, message_id, ids[:4])  # on the list already: they stay as they are
    assert _counts(messaging, landlord, message_id) == {("included", ""): 8, ("excluded", "no_email"): 1}


def test_a_message_sent_while_its_list_is_built_gets_nothing_of_the_build(messaging, landlord, people):
    first = [people.add("Early", "Example", email_address="early@example.org")]
    later = [people.add(f"Late{n}", "Example", email_address=f"late{n}@example.org") for n in range(5)]
    message_id = _draft(messaging, landlord)
    _build(messaging, landlord, people, message_id, first)

    def sent():
        with messaging.runtime.uow(landlord) as uow:
            Messages(uow.session, landlord).set_status(message_id, SENDING)
            uow.commit()
    people.meanwhile = sent
    with pytest.raises(InUse) as refused:
        _build(messaging, landlord, people, message_id, later)
    assert refused.value.fields[0].field == "message_id"
    assert _counts(messaging, landlord, message_id) == {("included", ""): 1}


def test_criteria_picking_more_than_a_list_holds_are_refused_with_nothing_joined(messaging, landlord):
    people = Streamed(total=messages.MAX_LIST + 1)
    ids = [people.add(f"Resident{n}", "Example", email_address=f"resident{n}@example.org") for n in range(4)]
    message_id = _draft(messaging, landlord)
    with pytest.raises(InvalidInput) as refused:
        _build(messaging, landlord, people, message_id, ids)
    assert (refused.value.fields[0].field, "100,001" in refused.value.fields[0].reason) == ("criteria", True)
    assert _counts(messaging, landlord, message_id) == {}
