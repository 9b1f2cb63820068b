"""The criteria shape: one JSON filter over people, used by search, templates,
groups, messaging and reports. This JSON schema is the contract every service
and the OpenAPI document share; profiles translates it into index queries."""
from __future__ import annotations

STATUSES = ("current", "archived")

CRITERIA_SCHEMA = {
    "title": "Criteria",
    "type": "object",
    "additionalProperties": False,
    "description": "Every criterion given must match (AND). Leave criteria empty for everybody current.",
    "properties": {
        "text": {"type": "string", "maxLength": 200,
                 "description": "Every word must start the first name, surname or personal reference (case-insensitive)."},
        "personal_ref": {"type": "array", "items": {"type": "string"}, "description": "Any of these references."},
        "first_name": {"type": "string", "description": "First name starts with (case-insensitive)."},
        "surname": {"type": "string", "description": "Surname starts with (case-insensitive)."},
        "status": {"type": "array", "items": {"enum": list(STATUSES)}, "default": ["current"],
                   "description": "Any of these statuses; current people only when left out."},
    },
}
