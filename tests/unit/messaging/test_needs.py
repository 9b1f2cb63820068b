"""Rules for communication needs, with no I/O: checked against the landlord's needs (each bad rule named),
"send" being the default is never kept; a person's needs hold them for a call before sending to their
alternative contact; routing honours both, naming the need in the reason."""
from __future__ import annotations

import pytest

from services.common.errors import InvalidInput
from services.messaging.messages import domain, needs, routing
from services.messaging.messages.domain import Addressee

KNOWN = ["Large print", "Braille", "British Sign Language", "Audio"]


def _person(*held, **changes) -> Addressee:
    fields = dict(person_id="P1", status="current", title="Ms", first_name="Ann", surname="Able", personal_ref="R1",
                  email="ann.able@example.org", opted_out=False, contact_name="", contact_email="", needs=held)
    return Addressee(**{**fields, **changes})


def test_rules_are_checked_against_the_landlords_needs_and_send_is_the_default():
    kept = needs.check([{"need": "braille", "channel": "email", "action": "call"},
                        {"need": "Audio", "channel": "text", "action": "send"}], KNOWN)
    assert kept == [needs.NeedRule("Braille", "email", "call")]
    with pytest.raises(InvalidInput) as refused:
        needs.check([{"need": "Telepathy", "channel": "email", "action": "call"},
                     {"need": "Braille", "channel": "fax", "action": "shout"},
                     {"need": "Audio", "channel": "post", "action": "call"},
                     {"need": "audio", "channel": "post", "action": "send"}], KNOWN)
    assert [p.field for p in refused.value.fields] == ["rules.0.need", "rules.1.channel", "rules.1.action", "rules.3"]


def test_a_need_holds_for_a_call_before_it_sends_to_the_contact():
    rules = needs.for_channel([needs.NeedRule("Braille", "email", "call"),
                               needs.NeedRule("British Sign Language", "email", "alternative_contact"),
                               needs.NeedRule("Audio", "post", "call")], "email")
    assert needs.action(["British Sign Language", "braille"], rules) == ("call", "braille")
    assert needs.action(["British Sign Language"], rules) == ("alternative_contact", "British Sign Language")
    assert needs.action(["Audio", "Large print"], rules) == ("send", "")


def test_routing_holds_a_person_for_a_call_or_sends_to_their_contact_as_the_rules_say():
    rules = {"braille": "call", "british sign language": "alternative_contact"}
    held = routing.route(_person("Braille"), domain.EMAIL, rules)
    assert (held.state, held.reason) == ("excluded", "need_call:Braille")
    assert domain.reason_label("email", held.reason) == "Held for a call: Braille cannot be met by email"
    helped = routing.route(_person("British Sign Language", contact_name="Cara Carer",
                                   contact_email="cara.carer@example.org"), domain.EMAIL, rules)
    assert (helped.to_address, helped.to_name) == ("cara.carer@example.org", "Cara Carer on behalf of Ann Able")
    alone = routing.route(_person("British Sign Language"), domain.EMAIL, rules)
    assert (alone.state, alone.reason) == ("excluded", "need_call:British Sign Language")
    assert routing.route(_person("Braille"), domain.EMAIL).to_address == "ann.able@example.org"
