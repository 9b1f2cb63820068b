"""A landlord's communication codes and their outcome codes as an option list, with no I/O: a label as users
write it, the code a new one gets (given, or made from its label), and the codes the platform records itself
on what it sends, which are never archived or deleted (only renamed). The catalogue they make up, and how a
record is checked against it, are the records' domain (..domain)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Iterable

from services.common.criteria import CODE_PATTERN
from services.common.errors import AlreadyExists, FieldProblem, InUse, InvalidInput, collect

from ..domain import BY_CODE, WHITE, Catalogue, CommunicationCode, Outcome
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
    return Catalogue(tuple(replace(c, outcomes=c.current_outcomes) for c in catalogue.codes if not c.archived))


# -- colours: an interaction type is shown as its colour with its name written on it --------------------------------

CONTRAST_MIN = 4.5  # WCAG 2 level AA for normal text: the least contrast at which the name stays readable
_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
BLACK = "#000000"


def colour(value: str | None, name: str = "colour") -> str:
    """The colour as #RRGGBB (upper case; #abc is #AABBCC), or InvalidInput naming `name`."""
    found = _HEX.fullmatch((value or "").strip())
    if found is None:
        raise InvalidInput.field(name, "must be a colour written #RRGGBB, e.g. #1F5FA8")
    digits = found.group(1).upper()
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))


def _luminance(hex_colour: str) -> float:
    """The relative luminance of a #RRGGBB colour (WCAG 2)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(one: str, other: str) -> float:
    """The contrast ratio of two #RRGGBB colours, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(background: str, text: str) -> None:
    """InvalidInput on colour unless text of colour `text` on `background` has at least CONTRAST_MIN:1, saying
    which of white and black text would do."""
    ratio = contrast(background, text)
    if ratio >= CONTRAST_MIN:
        return
    better = max((WHITE, BLACK), key=lambda t: contrast(background, t))
    hint = (f"; {better} text would give {contrast(background, better):.2f}:1 (set text_colour to {better})"
            if better != text and contrast(background, better) >= CONTRAST_MIN else "; choose a darker or lighter colour")
    raise InvalidInput.field("colour", f"{text} text on {background} has a contrast of {ratio:.2f}:1, below the "
                                       f"{CONTRAST_MIN}:1 needed to read it{hint}")
