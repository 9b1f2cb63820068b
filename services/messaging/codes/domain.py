"""A landlord's communication codes and their outcome codes as an option list, with no I/O: a label as users
write it, the code a new one gets (given, or made from its label), and the codes the platform records itself
on what it sends, which are never archived or deleted (only renamed). The catalogue they make up, and how a
record is checked against it, are the records' domain (..domain)."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from services.common.criteria import CODE_PATTERN
from services.common.errors import AlreadyExists, FieldProblem, InUse, InvalidInput, collect

from ..domain import BY_CODE, Catalogue, CommunicationCode, Outcome
from ..messages import texts
from ..messages.domain import EMAIL, OUTCOMES, POST, RECORD_CODES, SURVEY, TEXT

LABEL_MAX = 60  # what the reporting service keeps of a communication code's label
CODE_MAX, OUTCOME_CODE_MAX = 40, 60  # what a communication record keeps of each
_CODE = re.compile(CODE_PATTERN)  # as search criteria take them (`contacted`)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# The outcomes the platform writes itself: sending (OUTCOMES), texts' delivery reports and replies
# (messages/texts.py, messages/incoming.py), emails' opens (messages/opens.py: "opened") and a survey's results
# (Sent, Completed, Declined); only those of the product's list for the code (a letter never fails, say).
_WRITTEN = {
    RECORD_CODES[EMAIL]: {*OUTCOMES.values(), "opened"},
    RECORD_CODES[TEXT]: {*OUTCOMES.values(), texts.DELIVERED, texts.ILLEGAL_NUMBER, texts.NETWORK_ERROR,
                         texts.BLOCKED_BY_USER, "replied"},
    RECORD_CODES[POST]: {*OUTCOMES.values()},
    RECORD_CODES[SURVEY]: {"sent", "completed", "declined"},
}
PLATFORM_RECORDS: dict[str, frozenset[str]] = {
    code: frozenset(written & {o for o, _ in BY_CODE[code].outcomes}) for code, written in _WRITTEN.items()}


def by_platform(code: str, outcome: str | None = None) -> bool:
    """Whether the platform records this communication code (with this outcome) on what it sends."""
    return code in PLATFORM_RECORDS and (outcome is None or outcome in PLATFORM_RECORDS[code])


def refuse_platform(code: CommunicationCode, outcome: Outcome | None = None) -> None:
    """InUse for a code (or outcome) the platform records: it is never archived or deleted."""
    if by_platform(code.code, outcome.code if outcome else None):
        what, name = ((f"{code.label}: {outcome.label}", "outcome_code") if outcome
                      else (code.label, "communication_code"))
        raise InUse.field(name, f"the platform records {what} on the messages it sends: it is never archived or "
                                "deleted (it may be renamed)")


def label(value: str | None, name: str = "label") -> str:
    """The label as shown (spaces collapsed), or InvalidInput naming `name`."""
    written = " ".join((value or "").split())
    if not written:
        raise InvalidInput.field(name, "is required")
    if len(written) > LABEL_MAX:
        raise InvalidInput.field(name, f"must be at most {LABEL_MAX} characters")
    if _CONTROL.search(written):
        raise InvalidInput.field(name, "must not contain control characters")
    return written


def code_from(label_given: str, most: int) -> str:
    """The code a label makes: its letters and digits in lower case, words joined by _ (Home visit: home_visit),
    starting with a letter (24 hour call: code_24_hour_call)."""
    plain = unicodedata.normalize("NFKD", label_given).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    return (f"code_{words}" if words[:1].isdigit() else words)[:most].strip("_")


def key(value: str | None, most: int) -> str:
    """A code as a path names it, or "" for something no code can be."""
    found = (value or "").strip().lower()
    return found if len(found) <= most and _CODE.fullmatch(found) else ""


def new_code(given: str | None, label_given: str, taken: Iterable[str], most: int, name: str = "code") -> str:
    """The code given (InvalidInput unless letters, digits and _; AlreadyExists if `taken`), else the one its
    label makes, followed by _2, _3... while that is taken."""
    taken = set(taken)
    if (given or "").strip():
        code = key(given, most)
        if not code:
            raise InvalidInput.field(name, f"must be a lower-case letter then letters, digits and _ (at most {most}), "
                                           "e.g. home_visit")
        if code in taken:
            raise AlreadyExists.field(name, f"{code} is taken already")
        return code
    base = code_from(label_given, most)
    if not base:
        raise InvalidInput.field(name, "is required: the label makes none (give letters, digits and _)")
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base[:most - len(str(n)) - 1]}_{n}"
    return code


def unique_label(written: str, others: Iterable[CommunicationCode | Outcome], what: str, other_than: str = "",
                 name: str = "label") -> None:
    """AlreadyExists unless no other (archived ones too) has this label, whatever its case."""
    if any(o.label.lower() == written.lower() and o.code != other_than for o in others):
        raise AlreadyExists.field(name, f"{written} is {what} already")


def new_outcomes(given: Iterable[tuple[str | None, str | None]]) -> list[tuple[str, str]]:
    """The (code, label) of each outcome a new communication code comes with, checked together: InvalidInput
    naming every bad one as outcomes.<n>.label or .code."""
    made: list[tuple[str, str]] = []
    problems: list[FieldProblem] = []
    for i, (code_given, label_given) in enumerate(given):
        at = f"outcomes.{i}."
        try:
            written = label(label_given, at + "label")
            if any(written.lower() == other.lower() for _, other in made):
                raise InvalidInput.field(at + "label", "is given twice")
            made.append((new_code(code_given, written, (c for c, _ in made), OUTCOME_CODE_MAX, at + "code"),
                         written))
        except (InvalidInput, AlreadyExists) as refused:
            problems += refused.fields
    collect(problems)
    return made


def shown(catalogue: Catalogue, archived: bool) -> Catalogue:
    """The catalogue as offered: without the archived codes and outcomes, unless asked for."""
    if archived:
        return catalogue
    return Catalogue(tuple(CommunicationCode(c.code, c.label, c.current_outcomes) for c in catalogue.codes
                           if not c.archived))
