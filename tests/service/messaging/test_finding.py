"""Finding messages: by type, status, words of the reference, notes or landlord contact, and the day they
were written (both ends included), newest first with their list's numbers; another landlord's never; a bad
filter names its field."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.common.errors import InvalidInput
from services.messaging.messages import service as messages

EMAIL = {"channel": "email", "sender_name": "Northfield Homes", "sender_email": "hello@example.org",
         "subject": "Hello", "html": "<p>{{greeting}}</p>"}
TEXT = {"channel": "text", "sender_name": "Northfield Homes", "reply_to_number": "07700 900001", "text": "Hello"}


def _write(messaging, landlord, fields, on: dt.datetime) -> str:
    clock = messaging.runtime.clock  # a FixedClock: moved to the moment each message is written
    clock.move(on - clock.now())
    with messaging.runtime.uow(landlord) as uow:
        return messages.create(uow, user_id="U1", fields=fields).message_id


def _find(messaging, landlord, **filters) -> list[str]:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        total, found = messages.find(uow, filters=filters, page=1, page_size=50)
    assert total == len(found)
    return [f["message"].message_id for f in found]


def test_messages_are_found_by_what_users_remember_of_them(messaging, book, landlord):
    june, july = dt.datetime(2026, 6, 1, 23, 30, tzinfo=dt.timezone.utc), dt.datetime(2026, 7, 2, 9, tzinfo=dt.timezone.utc)
    repairs = _write(messaging, landlord, {**EMAIL, "description": "Repairs survey", "notes": "Autumn round"}, june)
    gas = _write(messaging, landlord, {**TEXT, "description": "Gas checks", "landlord_contact": "Sam Officer"}, july)
    other = str(uuid.uuid4())
    _write(messaging, other, {**EMAIL, "description": "Repairs survey"}, july)

    assert _find(messaging, landlord) == [gas, repairs]  # newest first; never another landlord's
    assert _find(messaging, landlord, channel="text") == [gas]
    assert _find(messaging, landlord, reference="REPAIRS") == [repairs]
    assert _find(messaging, landlord, notes="autumn", landlord_contact="") == [repairs]
    assert _find(messaging, landlord, landlord_contact="sam") == [gas]
    assert _find(messaging, landlord, status="draft") == [gas, repairs] and _find(messaging, landlord, status="sent") == []
    assert _find(messaging, landlord, created_from="2026-06-01", created_to="2026-06-01") == [repairs]
    assert _find(messaging, landlord, created_from="2026-06-02") == [gas]
    assert _find(messaging, landlord, reference="100%_") == []  # words, not patterns
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        with pytest.raises(InvalidInput) as refused:
            messages.find(uow, filters={"channel": "pigeon", "created_from": "June", "status": "lost"}, page=1,
                          page_size=50)
    assert {p.field for p in refused.value.fields} == {"channel", "created_from", "status"}
