"""An email's greeting and merge fields for each recipient: "Dear Mr Adams" or "Dear Alan" as the message
chooses, never a dangling "Dear J", an alternative contact greeted by name, and names HTML-escaped."""
from __future__ import annotations

import datetime as dt

from services.messaging.messages import domain
from services.messaging.messages.domain import Addressee

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)


def _message(greeting: str, html: str = "<p>{{greeting}}</p>") -> domain.Message:
    return domain.new_message(landlord_id="L", user_id="U", now=NOW, today=NOW.date(), channel="email",
                              sender_name="Northfield Homes", sender_email="hello@example.org",
                              subject="Hello {{first_name}}", html=html, greeting=greeting)


def _to(first: str, surname: str, title: str = "", **kw) -> domain.Recipient:
    return domain.route(Addressee("P1", "current", title, first, surname, "R1", "p@example.org", False,
                                  kw.get("contact_name", ""), kw.get("contact_email", "")))


def _greeting(message, recipient) -> str:
    return domain.render(message, recipient)[1]


def test_the_greeting_follows_the_message_and_never_dangles():
    formal, friendly = _message("title_surname"), _message("first_name")
    assert _greeting(formal, _to("Alan", "Adams", "Mr")) == "<p>Dear Mr Adams</p>"
    assert _greeting(friendly, _to("Alan", "Adams", "Mr")) == "<p>Dear Alan</p>"
    assert _greeting(formal, _to("Alan", "Adams")) == "<p>Dear Alan</p>"  # no title: the first name
    assert _greeting(friendly, _to("J", "Adams", "Ms")) == "<p>Dear Ms Adams</p>"  # an initial is no name
    assert _greeting(friendly, _to("J.", "Adams")) == "<p>Dear resident</p>"
    helped = _to("Hal", "Helped", contact_name="Cara Carer", contact_email="cara@example.org")
    assert _greeting(formal, helped) == "<p>Dear Cara Carer</p>" and helped.to_name == "Cara Carer on behalf of Hal Helped"


def test_merge_fields_are_escaped_in_the_content_and_the_reference_is_generated():
    message = _message("first_name", "<p>{{full_name}} ({{personal_ref}})</p>")
    assert message.reference == "Email Northfield Homes 15/06/2026"
    subject, html = domain.render(message, _to("<b>Bo</b>", "Bold"))
    assert html == "<p>&lt;b&gt;Bo&lt;/b&gt; Bold (R1)</p>" and subject == "Hello <b>Bo</b>"


def test_an_address_that_is_no_address_excludes_the_person():
    person = Addressee("P1", "current", "", "Ann", "Odd", "R1", "ann at example", False, "", "")
    assert (domain.route(person).state, domain.route(person).reason) == ("excluded", "no_email")
