"""An email's greeting and merge fields for each recipient: "Dear Mr Adams" or "Dear Alan" as the message
chooses, never a dangling "Dear J", an alternative contact greeted by name, and names HTML-escaped; a text's
content, its number, who it goes to (their UK mobile, or their alternative contact's) and the parts each
recipient's text takes."""
from __future__ import annotations

from dataclasses import replace

import datetime as dt

import pytest

from services.common.errors import InvalidInput

from services.messaging.messages import domain, rendering, routing
from services.messaging.messages.domain import Addressee

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)


def _message(greeting: str, html: str = "<p>{{greeting}}</p>") -> domain.Message:
    return domain.new_message(landlord_id="L", user_id="U", now=NOW, today=NOW.date(), channel="email",
                              sender_name="Northfield Homes", sender_email="hello@example.org",
                              subject="Hello {{first_name}}", html=html, greeting=greeting)


def _to(first: str, surname: str, title: str = "", **kw) -> domain.Recipient:
    return routing.route(Addressee("P1", "current", title, first, surname, "R1", "p@example.org", False,
                                  kw.get("contact_name", ""), kw.get("contact_email", "")), "email")


def _greeting(message, recipient) -> str:
    return rendering.render(message, recipient)[1]


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
    subject, html = rendering.render(message, _to("<b>Bo</b>", "Bold"))
    assert html == "<p>&lt;b&gt;Bo&lt;/b&gt; Bold (R1)</p>" and subject == "Hello <b>Bo</b>"


def test_an_address_that_is_no_address_excludes_the_person():
    person = Addressee("P1", "current", "", "Ann", "Odd", "R1", "ann at example", False, "", "")
    assert (routing.route(person, "email").state, routing.route(person, "email").reason) == ("excluded", "no_email")


def _text(words: str = "{{greeting}}, your gas check is due.", **changes) -> domain.Message:
    fields = {"sender_name": "Northfield Homes", "reply_to_number": "07700 900001", "text": words,
              "greeting": "first_name", **changes}
    return domain.new_message(landlord_id="L", user_id="U", now=NOW, today=NOW.date(), channel="text", **fields)


def _person(mobile: str = "", **kw) -> Addressee:
    return Addressee("P1", kw.get("status", "current"), "", "Alan", "Adams", "R1", "", kw.get("opted_out", False),
                     kw.get("contact_name", ""), "", mobile, kw.get("contact_phone", ""))


def test_a_text_has_content_and_a_number_and_no_email_parts():
    message = _text()
    assert (message.reference, message.reply_to_number) == ("Text Northfield Homes 15/06/2026", "+447700900001")
    for changes, field in (({"reply_to_number": "not a number"}, "reply_to_number"), ({"reply_to_number": ""}, "reply_to_number"),
                           ({"text": ""}, "text"), ({"text": "Hi {{nickname}}"}, "text"), ({"text": "x" * 1601}, "text"),
                           ({"subject": "Hello"}, "subject"), ({"html": "<p>Hi</p>"}, "html")):
        with pytest.raises(InvalidInput) as refused:
            _text(**{"text": "Hello", **changes})
        assert field in {p.field for p in refused.value.fields}, (changes, refused.value.fields)


def test_a_text_goes_to_a_uk_mobile_or_the_alternative_contacts_else_says_why_not():
    assert routing.route(_person("07700 900123"), "text").to_address == "+447700900123"
    assert routing.route(_person("+44 7700 900124"), "text").to_address == "+447700900124"
    for person, reason in ((_person("0113 496 0000"), "no_mobile"), (_person(""), "no_mobile"),
                           (_person("07700 900123", opted_out=True), "opted_out"),
                           (_person("07700 900123", status="archived"), "archived"),
                           (_person("07700 900123", contact_name="Cara Carer"), "contact_no_mobile")):
        routed = routing.route(person, "text")
        assert (routed.state, routed.reason) == ("excluded", reason), person
    helped = routing.route(_person("07700 900123", contact_name="Cara Carer", contact_phone="07700 900555"), "text")
    assert (helped.to_address, helped.to_name) == ("+447700900555", "Cara Carer on behalf of Alan Adams")


def test_each_recipients_text_is_costed_in_parts_as_they_get_it():
    message = _text("{{greeting}}, " + "a" * 140)  # "Dear Alan, " + 140: one part; a long name tips it over
    short = rendering.costed(message, routing.route(_person("07700 900123"), "text"))
    assert (rendering.render_text(message, short), short.segments) == ("Dear Alan, " + "a" * 140, 1)
    longer = rendering.costed(message, replace(short, first_name="Bartholomew-Alexander"))
    assert longer.segments == 2
    welsh = rendering.costed(_text("Shwmae {{first_name}}, ŵyr"), short)
    assert welsh.segments == 1  # UCS-2, still under 70
    excluded = rendering.costed(message, routing.route(_person(""), "text"))
    assert excluded.segments == 0


def test_a_recipient_whose_first_language_has_a_variant_gets_it():
    welsh = [{"language": "Welsh", "text": "Helo {{first_name}}"}]
    message = domain.new_message(landlord_id="L", user_id="U", now=dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc),
                                 today=dt.date(2026, 6, 1), channel="text", sender_name="N",
                                 reply_to_number="07700 900001", text="Hello {{first_name}}", variants_given=welsh,
                                 languages=["English", "Welsh"])
    gwen = routing.route(replace(_person("07700 900123"), first_language="welsh"), "text",
                         translations=message.variants)
    alan = routing.route(_person("07700 900124"), "text", translations=message.variants)
    assert (gwen.language, rendering.render_text(message, gwen)) == ("Welsh", "Helo Alan")
    assert (alan.language, rendering.render_text(message, alan)) == ("", "Hello Alan")
