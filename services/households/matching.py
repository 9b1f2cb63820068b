"""Which household a person belongs to: pure rules, no storage.

A person with a property reference belongs to the household of that reference (trimmed,
case-insensitive, inner spaces ignored). Otherwise their address decides: lines 1-4 and the
postcode, normalised so that the messy ways one address gets typed meet in one key:

* lower case; apostrophes dropped ("St John's" = "St Johns"); every other run of punctuation
  or whitespace is one space ("Flat 2, 10 High St." = "flat 2 10  high st");
* empty lines dropped and the words of the lines read in order, so a missing or shifted line
  does not split a household ("10 High St" / "" / "Leeds" = "10 High St" / "Leeds");
* the postcode upper case without spaces ("ls1 4ap" = "LS14AP").

Numbers stay words: "Flat 2" and "Flat 3" are two households. No property reference, no address
and no postcode: no household.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

BY_PROPERTY_REF, BY_ADDRESS = "property_ref", "address"
_NO_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`")
_SEPARATORS = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Match:
    key: str  # unique per landlord: the household's identity
    matched_by: str  # property_ref | address


def words(text: str | None) -> str:
    """Lower-case words separated by single spaces ("Flat 2, 10 High St." -> "flat 2 10 high st")."""
    if not text:
        return ""
    return _SEPARATORS.sub(" ", text.casefold().translate(_NO_APOSTROPHES)).strip()


def property_ref_key(property_ref: str | None) -> str:
    """Trimmed, lower case, inner spaces ignored ("  pr 0012 " -> "pr0012")."""
    return _SPACES.sub("", property_ref or "").casefold()


def postcode_key(postcode: str | None) -> str:
    """Upper case, letters and digits only ("ls1 4ap" -> "LS14AP")."""
    return _SEPARATORS.sub("", (postcode or "").upper())


def address_words(lines: Iterable[str | None]) -> str:
    """The words of the address lines in order, empty lines dropped."""
    return words("\n".join(line for line in lines if line))


def household_key(property_ref: str | None, lines: Sequence[str | None], postcode: str | None) -> Match | None:
    """The household a person with these details belongs to; None when nothing places them."""
    ref = property_ref_key(property_ref)
    if ref:
        return Match(f"ref:{ref}", BY_PROPERTY_REF)
    address, code = address_words(lines), postcode_key(postcode)
    if not address and not code:
        return None
    return Match(f"address:{address}|{code}", BY_ADDRESS)


def one_line(lines: Iterable[str | None], postcode: str | None) -> str:
    """The address for tables: its non-empty lines and postcode, comma separated."""
    parts = [" ".join(line.split()) for line in (*lines, postcode) if line and line.strip()]
    return ", ".join(parts)


def search_words(property_ref: str | None, lines: Sequence[str | None], postcode: str | None) -> str:
    """Every word a household's text search can start: " w1 w2 ... " (spaces at both ends, so
    `LIKE '% word%'` finds the start of any word)."""
    found = address_words(lines).split() + words(postcode).split() + words(property_ref).split()
    for compact in (postcode_key(postcode).lower(), property_ref_key(property_ref)):
        if compact:
            found.append(compact)
    return " " + " ".join(dict.fromkeys(found)) + " "


def text_words(text: str | None) -> list[str]:
    """The words of a text criterion, as search_words spells them."""
    return list(dict.fromkeys(words(text).split()))
