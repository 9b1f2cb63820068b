"""Routing, with no I/O: who on a list gets the message for each person, through which address or number
(their own, or their alternative contact's), or why nobody does."""
from __future__ import annotations

from typing import Iterable, Mapping

from services.common import phones

from . import needs, post, variants
from .checks import email_address
from .domain import EMAIL, EXCLUDED, INCLUDED, POST, SURVEY, TEXT, Addressee, Recipient
from .variants import Variant

PHONE_SURVEY = f"{SURVEY}:phone"


def _finders(person: Addressee, channel: str):
    """(how to find a usable address or number, the person's own, their contact's, the reason when missing)."""
    if channel == EMAIL:
        return email_address, person.email, person.contact_email, "no_email"
    if channel == TEXT:
        return phones.uk_mobile, person.mobile, person.contact_phone, "no_mobile"
    if channel == PHONE_SURVEY:  # any number that rings: their landline, else their mobile
        return phones.e164, person.phone or person.mobile, "", "no_phone"
    return (lambda kept: kept or None), person.address, post.postal_text(person.contact_address) or "", "no_address"


def route(person: Addressee, channel: str, rules: Mapping[str, str] | None = None,
          translations: Iterable[Variant] = ()) -> Recipient:
    """`channel`: the message's audience (a survey's "survey:<method>").
    Who gets the message for this person and at which address or number (their alternative contact where
    they have one: "<contact> on behalf of <person>"), or why nobody does. `rules` (need -> action, for this
    channel: needs.for_channel) may send it to the contact or hold the person for a call. A letter is named
    "Mr A Adams" and marked for large print where the person needs it; a person whose first language has one
    of the message's `translations` gets it. (Decided first, then made once: a list routes 100,000 people.)"""
    reason, to, contact, named, large = _decided(person, channel, rules or {})
    return Recipient(person.person_id, person.name, EXCLUDED if reason else INCLUDED, reason=reason, to_address=to,
                     contact_name=contact, title=person.title, first_name=person.first_name,
                     surname=person.surname, personal_ref=person.personal_ref, large_print=large,
                     mailing_name=named, language=variants.chosen(translations, person.first_language))


def _decided(person: Addressee, channel: str, rules: Mapping[str, str]) -> tuple[str, str, str, str, bool]:
    """(why nobody gets it, "" when someone does; the address or number; the contact it goes to; the name on
    a letter; large print)."""
    large = channel == POST and person.large_print
    if person.status != "current":
        return "archived", "", "", "", large
    if person.opted_out:
        return "opted_out", "", "", "", large
    if channel.startswith(SURVEY):  # a survey asks the person themselves, as they are reached
        find, own, _, missing = _finders(person, channel)
        to = find(own) if own else None
        if to is None:
            return missing, "", "", "", large
        return "", to, "", "", channel != PHONE_SURVEY and person.large_print
    act, need = needs.action(person.needs, rules)
    has_contact = bool(person.contact_name or person.contact_email or person.contact_phone or person.contact_address)
    if act == needs.CALL or (act == needs.CONTACT and not has_contact):
        return needs.HELD + need, "", "", "", large
    find, own, contacts, missing = _finders(person, channel)
    if has_contact:
        to = find(contacts) if contacts else None
        if to is None:
            return "contact_" + missing, "", "", "", large
        return "", to, person.contact_name or to.split("\n")[0], "", large
    to = find(own) if own else None
    if to is None:
        return missing, "", "", "", large
    named = post.mailing_name(person.title, person.first_name, person.surname) if channel == POST else ""
    return "", to, "", named, large
