"""The criteria shape: one JSON filter over people, used by search, templates,
groups, messaging and reports. This JSON schema is the contract every service
and the OpenAPI document share; profiles translates it into index queries."""
from __future__ import annotations

from .person_fields import DERIVED, FIELDS, NOT_KNOWN, Kind

STATUSES = ("current", "archived")
_LABELS = {"type": "array", "items": {"type": "string"}, "minItems": 1}
_PREFIX = {"type": "string", "minLength": 1}
MAX_IDS = 65_536  # ids in one criterion (Elasticsearch's index.max_terms_count)
MAX_ANY_OF = 100  # criteria objects in one any_of
MAX_CHILD_AGE = 25
MAX_OCCUPANTS = 10_000  # the most occupants a household criterion can name (a large hostel has a few hundred)
_IDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
_DATE = {"type": "string", "format": "date"}
# The criteria only the groups service can turn into what profiles searches by (the gateway has it expand
# them): the id lists naming its admin groups and activities, with what their ids name, then the rest.
GROUP_IDS = {"admin_group": "admin group", "not_admin_group": "admin group",
             "activity": "activity", "not_activity": "activity"}
GROUP_KEYS = frozenset({"search_template", *GROUP_IDS, "participated"})


CODE_PATTERN = "^[a-z][a-z0-9_]{0,59}$"  # a communication or outcome code in `contacted`
MAX_CODES = 100  # codes in one list of `contacted`
SATISFACTION_LOWEST, SATISFACTION_HIGHEST = 0, 10  # a survey's satisfaction score: a whole number in this range
_CODES = {"type": "array", "items": {"type": "string", "pattern": CODE_PATTERN}, "minItems": 1,
          "maxItems": MAX_CODES}


def _range(item: dict, example: str) -> dict:
    return {"type": "object", "additionalProperties": False, "minProperties": 1,
            "properties": {"min": item, "max": item}, "description": f"A range, either end optional, e.g. {example}."}


MAX_PROVIDERS = 1_000  # provider ids in one `referred`
_REFERRAL_PROPERTIES = {
    "provider": {**_IDS, "maxItems": MAX_PROVIDERS,
                 "description": "Provider ids (any of): GET /api/v1/providers, GET /api/v1/landlord-providers."},
    "since": {**_DATE, "description": "Referred on or after this date."},
    "until": {**_DATE, "description": "Referred on or before this date."},
    "wants_support": {"type": "boolean", "description": "true: the person wanted support (a referral to a "
                                                        "provider); false: they said no (with a reason)."},
    "in_work": {"type": "boolean", "description": "true: the person started a job after it (the journey's "
                                                  "job_started step); false: not (yet)."}}
_CONTACT_PROPERTIES = {
    "code": {**_CODES, "description": "Communication codes (any of), e.g. phoned: GET /api/v1/communication-codes."},
    "outcome": {**_CODES, "description": "Outcome codes (any of), e.g. spoke_to_person."},
    "satisfaction": _range({"type": "integer", "minimum": SATISFACTION_LOWEST, "maximum": SATISFACTION_HIGHEST},
                           '{"min": 7}') | {
        "description": f"The record's satisfaction score ({SATISFACTION_LOWEST}-{SATISFACTION_HIGHEST}, given with "
                       "survey results) is in this range, both ends included, either optional, e.g. {\"min\": 7}; "
                       "a record with no score never matches. Needs `code` (e.g. questionnaire)."},
    "since": _DATE, "until": _DATE}


def _field(field) -> dict | None:
    if field.kind in (Kind.OPTION, Kind.OPTIONS):
        return {**_LABELS, "description": f"{field.label}: any of these options of the list '{field.option_list}' "
                                          f"(labels); \"{NOT_KNOWN}\" matches a blank."}
    if field.kind == Kind.DATE:
        return _range({"type": "string", "format": "date"}, '{"min": "1950-01-01"}')
    if field.kind == Kind.TEXT and field.name != "personal_ref" and not field.name.startswith("alt_"):
        return {**_PREFIX, "description": f"{field.label} starts with (case-insensitive)."}
    return None


_properties: dict = {
    "text": {"type": "string", "maxLength": 200,
             "description": "Every word must start a word of the names, personal reference, address or postcode "
                            "(case-insensitive)."},
    "personal_ref": {**_LABELS, "description": "Any of these references."},
    "status": {"type": "array", "items": {"enum": list(STATUSES)}, "default": ["current"],
               "description": "Any of these statuses; current people only when left out."},
}
for _f in FIELDS:
    if _f.name not in _properties and _field(_f):
        _properties[_f.name] = _field(_f)
_properties.update({
    "age": _range({"type": "integer", "minimum": 0, "maximum": 150}, '{"min": 65}') | {"description": DERIVED["age"]},
    "age_band": {**_LABELS, "description": DERIVED["age_band"] + f"; any of these bands, \"{NOT_KNOWN}\" for no date of birth."},
    "equality_group": {**_LABELS, "items": {"enum": ["White British", "BME", NOT_KNOWN]},
                       "description": DERIVED["equality_group"] + "; any of these."},
    **{flag: {"type": "boolean", "description": DERIVED[flag]} for flag in
       ("has_email", "has_mobile", "has_phone", "has_alternative_contact")},
    "custom": {"type": "object", "description": (
        "Custom fields of people by key: choice and multi-choice take a list of labels (any of; \"Not known\" for "
        "blank), yes/no takes true or false, text matches the start, number and date take {\"min\", \"max\"}."),
        "additionalProperties": True},
    "person_id": {**_IDS, "maxItems": MAX_IDS, "description": "Any of these people (person ids)."},
    "household_id": {**_IDS, "maxItems": MAX_IDS, "description": "People living in any of these households."},
    "household": {
        "type": "object", "additionalProperties": False, "minProperties": 1,
        "description": "Facts of the household the person lives in (people in no household never match).",
        "properties": {
            "occupants": _range({"type": "integer", "minimum": 0, "maximum": MAX_OCCUPANTS}, '{"min": 3}')
            | {"description": "Number of current occupants, e.g. {\"min\": 3}."},
            "child_under": {"type": "integer", "minimum": 1, "maximum": MAX_CHILD_AGE,
                            "description": "Someone current in the household is younger than this many years."},
            "custom": {"type": "object", "additionalProperties": True,
                       "description": "Property and household custom fields by key, with the same values as "
                                      "`custom` takes for people."},
        },
    },
    "admin_group": {**_IDS, "maxItems": MAX_IDS, "description": "Members of any of these admin groups (ids)."},
    "not_admin_group": {**_IDS, "maxItems": MAX_IDS,
                        "description": "Not a member of any of these admin groups (ids)."},
    "activity": {**_IDS, "maxItems": MAX_IDS,
                 "description": "In the activity group of any of these activities (ids): linked by hand or by a "
                                "participation record."},
    "not_activity": {**_IDS, "maxItems": MAX_IDS,
                     "description": "In the activity group of none of these activities (ids)."},
    "participated": {
        "type": "object", "additionalProperties": False, "minProperties": 1,
        "description": "Has a participation record dated in this range (both ends included), of any of these "
                       "activities when `activity` is given.",
        "properties": {"activity": {**_IDS, "maxItems": 1_000, "description": "Activity ids (any of)."},
                       "since": _DATE, "until": _DATE},
    },
    "contacted": {
        "type": "object", "additionalProperties": False, "minProperties": 1,
        "description": "Has a communication record dated in this range (both ends included), of any of these "
                       "communication codes and, when given, with any of these outcome codes and a satisfaction "
                       "score in that range (they need `code`). Interactions on people's profiles are "
                       "communication records and their interaction types are communication codes: an "
                       "interaction of type X since a date is {\"code\": [X], \"since\": date}.",
        "properties": _CONTACT_PROPERTIES,
    },
    "not_contacted": {
        "type": "object", "additionalProperties": False,
        "description": "Has no communication record such as `contacted` describes; {} is never contacted.",
        "properties": _CONTACT_PROPERTIES,
    },
    "action": {
        "type": "object", "additionalProperties": False, "minProperties": 1,
        "description": "The person's open follow-up actions (on interactions): every part given must hold. "
                       "`open` true: has at least one; false: has none (not with the others). `overdue` true: one "
                       "is due before today (the UK date); false: none is. `due_until`: one is due on or before "
                       "that date (overdue ones too), e.g. {\"due_until\": \"2026-03-31\"}.",
        "properties": {"open": {"type": "boolean"}, "overdue": {"type": "boolean"}, "due_until": _DATE},
    },
    "referred": {
        "type": "object", "additionalProperties": False,
        "description": "Has a referral with every part given: to any of these providers, referred in this date range "
                       "(both ends included), of someone who wanted support or said no, who started a job after it "
                       "or not. {} is any referral (a \"no\" too); e.g. referred to X since a date: {\"provider\": "
                       "[X], \"since\": date}; in work after a referral: {\"in_work\": true}.",
        "properties": _REFERRAL_PROPERTIES,
    },
    "not_referred": {
        "type": "object", "additionalProperties": False,
        "description": "Has no referral such as `referred` describes; {} is never referred (nor asked).",
        "properties": _REFERRAL_PROPERTIES,
    },
    "search_template": {**_IDS, "maxItems": MAX_ANY_OF, "description": (
        "People matching any of these search templates (ids), re-evaluated now. The gateway has the groups "
        "service expand it into `any_of` before searching.")},
    "any_of": {"type": "array", "minItems": 1, "maxItems": MAX_ANY_OF,
               "items": {"type": "object", "description": "Criteria of this same shape."},
               "description": "People matching any one of these criteria objects. Inside them `status` has no "
                              "default: the outer criteria's (current people only unless given) applies."},
})

CRITERIA_SCHEMA = {
    "title": "Criteria",
    "type": "object",
    "additionalProperties": False,
    "description": "Every criterion given must match (AND); within a list, any value matches (OR). "
                   "Leave criteria empty for everybody current.",
    "properties": _properties,
    "examples": [{"text": "acacia", "tenancy_type": ["General needs", "Sheltered"], "age": {"min": 65},
                  "has_email": True},
                 {"household": {"child_under": 16}, "not_admin_group": ["3f1c2a8e-0000-4000-8000-000000000010"],
                  "any_of": [{"area": ["Area A"]}, {"participated": {"since": "2025-01-01"}}]}],
}
