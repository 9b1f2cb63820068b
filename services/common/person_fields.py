"""The fields of a person's record: one catalogue shared by profiles (storage,
validation, history, search document, criteria), the gateway (request and
answer schemas) and later services (import mappings, reports).

Option fields hold options of a landlord option list; the API speaks their
labels, storage and the search index keep option ids so a rename touches no
record. Every field is optional except personal_ref, first_name and surname.
"""
from __future__ import annotations

from dataclasses import dataclass


class Kind:
    TEXT = "text"
    DATE = "date"
    OPTION = "option"  # one option of a list
    OPTIONS = "options"  # any number of options of a list
    STATUS = "status"  # current | archived


@dataclass(frozen=True)
class PersonField:
    name: str
    label: str
    kind: str
    section: str
    max_length: int = 0  # text fields
    option_list: str = ""  # option and options fields
    equality: bool = False  # special-category data: needs the equality privileges
    core: bool = True  # changes go into the history


def _text(name, label, section, max_length=100, **kw):
    return PersonField(name, label, Kind.TEXT, section, max_length=max_length, **kw)


def _option(name, label, section, list_name=None, **kw):
    return PersonField(name, label, Kind.OPTION, section, option_list=list_name or name, **kw)


def _options(name, label, section, list_name=None, **kw):
    return PersonField(name, label, Kind.OPTIONS, section, option_list=list_name or name, **kw)


IDENTITY, EQUALITY, ALTERNATIVE, PREFERENCES = "identity", "equality and needs", "alternative contact", "preferences"

FIELDS: tuple[PersonField, ...] = (
    _text("personal_ref", "Personal ref", IDENTITY, 30),
    PersonField("status", "Status", Kind.STATUS, IDENTITY),
    _option("title", "Title", IDENTITY),
    _text("first_name", "First name", IDENTITY),
    _text("surname", "Surname", IDENTITY),
    PersonField("date_of_birth", "Date of birth", Kind.DATE, IDENTITY),
    _option("tenancy_type", "Tenancy type", IDENTITY),
    _option("household_status", "Household status", IDENTITY),
    _option("area", "Area", IDENTITY),
    _text("property_ref", "Property ref", IDENTITY, 30),
    _text("address_line_1", "Address line 1", IDENTITY),
    _text("address_line_2", "Address line 2", IDENTITY),
    _text("address_line_3", "Address line 3", IDENTITY),
    _text("address_line_4", "Address line 4", IDENTITY),
    _text("postcode", "Postcode", IDENTITY, 10),
    _text("phone", "Phone", IDENTITY, 20),
    _text("mobile", "Mobile", IDENTITY, 20),
    _text("email", "Email", IDENTITY, 254),
    _option("gender", "Gender", EQUALITY),
    _option("ethnicity", "Ethnicity", EQUALITY, equality=True),
    _option("disability", "Disability", EQUALITY, equality=True),
    _option("religion", "Religion", EQUALITY, equality=True),
    _option("sexual_orientation", "Sexual orientation", EQUALITY, equality=True),
    _option("gender_identity", "Gender identity", EQUALITY, equality=True),  # same as sex registered at birth?
    _option("marriage_civil_partnership", "Marriage and civil partnership", EQUALITY, equality=True),
    _option("pregnancy_maternity", "Pregnancy and maternity", EQUALITY, equality=True),
    _option("first_language", "First language", EQUALITY),
    _options("communication_needs", "Communication needs", EQUALITY),
    _option("employment_status", "Employment status", EQUALITY),
    _option("income_band", "Income band", EQUALITY),
    _options("benefits", "Benefits", EQUALITY),
    _text("alt_contact_name", "Alternative contact name", ALTERNATIVE, 200),
    _text("alt_contact_address", "Alternative contact address", ALTERNATIVE, 400),
    _text("alt_contact_phone", "Alternative contact phone", ALTERNATIVE, 20),
    _text("alt_contact_email", "Alternative contact email", ALTERNATIVE, 254),
    _options("preferences", "Preferences", PREFERENCES),
    _options("interests", "Interests", PREFERENCES),
    _options("methods", "Methods of involvement", PREFERENCES),
)
BY_NAME = {f.name: f for f in FIELDS}
LONGEST_TEXT = max(f.max_length for f in FIELDS)  # characters: no field takes more (imports cap every cell at it)
ADDRESS_LINES = ("address_line_1", "address_line_2", "address_line_3", "address_line_4")
ALTERNATIVE_CONTACT = tuple(f.name for f in FIELDS if f.section == ALTERNATIVE)
EDITABLE = tuple(f.name for f in FIELDS)  # status and personal_ref have their own rules
OPTION_LISTS = tuple(dict.fromkeys(f.option_list for f in FIELDS if f.option_list))

# Derived on the day asked; criteria and facets like any stored field.
DERIVED = {
    "age": "Age in whole years, from the date of birth",
    "age_band": "Age band (the landlord's bands; default under 16 / 16-44 / 45-64 / 65+)",
    "equality_group": "White British or BME, from the ethnicity option's group",
    "has_email": "Has an email address that looks usable",
    "has_mobile": "Has a UK mobile number (07...)",
    "has_phone": "Has a phone number",
    "has_alternative_contact": "Any alternative contact field is filled: contact them through that person",
}
NOT_KNOWN = "Not known"

# The programmed preferences later services enforce (codes of options in the "preferences" list).
PROGRAMMED_PREFERENCES = {
    "no_email": "No email",
    "no_text": "No text messages",
    "no_post": "No post",
    "no_phone_surveys": "No phone surveys",
    "no_postal_surveys": "No postal surveys",
    "no_face_to_face_surveys": "No face-to-face surveys",
    "large_print": "Large print required",
}
EQUALITY_GROUPS = ("White British", "BME")
