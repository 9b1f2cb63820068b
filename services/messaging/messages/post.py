"""Post, with no I/O: where a letter goes (a person's address, or their alternative contact's), the name on
it ("Mr A Lambert"; for a household "Mr A Lambert and Master G Lambert", from the occupants the message's
household rules include) and the rows of the mail-merge file, one per letter."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

PERSON_MAILING, HOUSEHOLD_MAILING = "person", "household"
MAILINGS = (PERSON_MAILING, HOUSEHOLD_MAILING)
RULES = ("tenancy_types", "age_bands", "household_statuses")
RULE_FIELDS = {"tenancy_types": "tenancy_type", "age_bands": "age_band", "household_statuses": "household_status"}
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
LINES = 4
LARGE_PRINT = "large print"  # the communication need (any case) that marks a letter for large print
MERGE_COLUMNS = ("Name", "Address line 1", "Address line 2", "Address line 3", "Address line 4", "Postcode",
                 "Large print", "On behalf of", "Personal references")


@dataclass(frozen=True)
class HouseholdRules:
    """Who of a household is named on its letter: occupants of these tenancy types, age bands and household
    statuses (labels; an empty rule takes everyone)."""
    tenancy_types: tuple[str, ...] = ()
    age_bands: tuple[str, ...] = ()
    household_statuses: tuple[str, ...] = ()

    def includes(self, occupant: "Occupant") -> bool:
        for rule, field in RULE_FIELDS.items():
            wanted = {label.casefold() for label in getattr(self, rule)}
            if wanted and getattr(occupant, field).casefold() not in wanted:
                return False
        return True

    def to_json(self) -> str:
        return json.dumps({rule: list(getattr(self, rule)) for rule in RULES if getattr(self, rule)})

    @classmethod
    def from_json(cls, text: str) -> "HouseholdRules":
        given = json.loads(text or "{}")
        return cls(**{rule: tuple(given.get(rule) or ()) for rule in RULES})

    @classmethod
    def given(cls, value: Mapping[str, Any] | None, problems: list) -> "HouseholdRules":
        """From what a request gives (lists of labels), noting each bad rule in `problems` as (field, reason)."""
        value = dict(value or {})
        for unknown in sorted(set(value) - set(RULES)):
            problems.append((f"household_rules.{unknown}", "is not a rule: the rules are " + ", ".join(RULES)))
        rules = {}
        for rule in RULES:
            labels = value.get(rule) or []
            if not isinstance(labels, list) or not all(isinstance(v, str) and v.strip() for v in labels):
                problems.append((f"household_rules.{rule}", "must be a list of labels"))
                continue
            rules[rule] = tuple(v.strip() for v in labels)
        return cls(**rules)

    def __bool__(self) -> bool:
        return any(getattr(self, rule) for rule in RULES)


@dataclass(frozen=True)
class Occupant:
    """A household's occupant as its letter's rules see them (profiles' labels)."""
    person_id: str
    title: str
    first_name: str
    surname: str
    status: str
    tenancy_type: str = ""
    age_band: str = ""
    household_status: str = ""
    date_of_birth: str = ""  # ISO; "" when not known


@dataclass(frozen=True)
class Home:
    """A household a letter goes to: its address and current occupants (in the order households gives)."""
    household_id: str
    lines: tuple[str, ...]
    postcode: str
    occupant_ids: tuple[str, ...]


def mailing_name(title: str, first_name: str, surname: str) -> str:
    """ "Mr A Lambert": title, first initial and surname, leaving out what is not known."""
    initial = first_name.strip()[:1].upper()
    return " ".join(p for p in (title.strip(), initial, surname.strip()) if p)


def joined(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = list(dict.fromkeys(n for n in names if n))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def household_name(occupants: Iterable[Occupant], rules: HouseholdRules, fallback: str) -> str:
    """The consolidated name of the household's current occupants the rules include, oldest first (those
    whose age is not known last); `fallback` (the person on the list) when the rules include no one."""
    included = [o for o in occupants if o.status == "current" and rules.includes(o)]
    included.sort(key=lambda o: (o.date_of_birth or "9999", o.surname, o.first_name))
    named = [mailing_name(o.title, o.first_name, o.surname) for o in included]
    return joined(named) or fallback


def postal(lines: Sequence[str], postcode: str) -> str:
    """An address as a letter's recipient row keeps it (lines, then the postcode, one per line); "" when it
    has no first line or no postcode, as nothing can be posted to it."""
    kept = [line.strip() for line in lines if line and line.strip()]
    return "\n".join(kept + [postcode.strip().upper()]) if kept and postcode and postcode.strip() else ""


def postal_text(text: str) -> str | None:
    """An address written as free text (an alternative contact's: lines split by commas or new lines, the
    postcode last) as `postal` keeps it; None when it has no line or ends without a UK postcode."""
    parts = [p.strip() for p in re.split(r"[\n,]+", text or "") if p.strip()]
    if len(parts) < 2 or not POSTCODE.match(parts[-1].upper()):
        return None
    return postal(parts[:-1], parts[-1]) or None


def address_parts(kept: str) -> tuple[list[str], str]:
    """(four address lines, postcode) of an address `postal` kept; lines past the fourth join the fourth."""
    parts = kept.split("\n") if kept else [""]
    lines, postcode = parts[:-1], parts[-1]
    if len(lines) > LINES:
        lines = lines[:LINES - 1] + [", ".join(lines[LINES - 1:])]
    return lines + [""] * (LINES - len(lines)), postcode


def needs_large_print(needs: Iterable[str], large_print_preference: bool) -> bool:
    return large_print_preference or bool(needs) and any(n.casefold() == LARGE_PRINT for n in needs)


def merge_rows(recipients: Iterable) -> list[list[str]]:
    """The mail-merge file's rows (after MERGE_COLUMNS): one per letter, so people of one household on a
    household mailing share a row; in postcode then name order, as the post room bundles them."""
    letters: dict[str, dict] = {}
    for r in recipients:
        key = r.household_id or r.person_id
        letter = letters.setdefault(key, {"name": r.contact_name or r.to_name, "address": r.to_address, "large_print": False,
                                          "on_behalf_of": r.name if r.contact_name else "", "refs": []})
        letter["large_print"] = letter["large_print"] or r.large_print
        if r.personal_ref:
            letter["refs"].append(r.personal_ref)
    rows = []
    for letter in letters.values():
        lines, postcode = address_parts(letter["address"])
        rows.append([letter["name"], *lines, postcode, "Yes" if letter["large_print"] else "No",
                     letter["on_behalf_of"], ", ".join(letter["refs"])])
    return sorted(rows, key=lambda row: (row[5], row[0]))
