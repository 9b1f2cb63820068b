"""Language variants of a message, with no I/O: an email's subject and HTML, or a text's content, in another
of the landlord's first languages (e.g. Welsh). A person whose first language has a variant gets it; anyone
else gets the message as written. Each variant is checked as the message itself is."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable, Mapping, Sequence

from services.common.errors import FieldProblem

from .checks import merge_fields, sanitise, text_field

MAX_VARIANTS = 12
LANGUAGE_MAX, SUBJECT_MAX, HTML_MAX, TEXT_MAX = 100, 200, 200_000, 1_600


@dataclass(frozen=True)
class Variant:
    language: str  # a first language's label, as the landlord's list has it
    subject: str = ""
    html: str = ""
    text: str = ""


def checked(given: Sequence[Mapping[str, str]], *, channel: str, languages: Iterable[str],
            problems: list[FieldProblem]) -> tuple[Variant, ...]:
    """The variants, checked for the channel (an email's subject and HTML, a text's content; none for post)
    against the landlord's first languages, each bad field noted as variants.<n>.<field>."""
    if given and channel not in ("email", "text"):
        problems.append(FieldProblem("variants", "only an email or a text has language variants"))
        return ()
    if len(given) > MAX_VARIANTS:
        problems.append(FieldProblem("variants", f"at most {MAX_VARIANTS}"))
        return ()
    known = {label.casefold(): label for label in languages}
    found: dict[str, Variant] = {}
    for i, variant in enumerate(given):
        at = f"variants.{i}"
        language = known.get(str(variant.get("language") or "").strip().casefold())
        if language is None:
            problems.append(FieldProblem(f"{at}.language", "is not one of the first languages: " + ", ".join(known.values())))
        elif language in found:
            problems.append(FieldProblem(f"{at}.language", f"repeats {language}"))
        if channel == "email":
            subject = text_field(variant.get("subject"), f"{at}.subject", SUBJECT_MAX, problems, required=True)
            html = text_field(variant.get("html"), f"{at}.html", HTML_MAX, problems, required=True)
            merge_fields(subject, f"{at}.subject", problems)
            merge_fields(html, f"{at}.html", problems)
            made = Variant(language or "", subject, sanitise(html) if html else "")
        else:
            words = text_field(variant.get("text"), f"{at}.text", TEXT_MAX, problems, required=True)
            merge_fields(words, f"{at}.text", problems)
            made = Variant(language or "", text=words)
        if language and language not in found:
            found[language] = made
    return tuple(found.values())


def chosen(variants: Iterable[Variant], first_language: str) -> str:
    """The language of the variant a person with this first language gets ("": the message as written)."""
    if not variants or not first_language:
        return ""
    wanted = first_language.casefold()
    return next((v.language for v in variants if wanted and v.language.casefold() == wanted), "")


def of(variants: Iterable[Variant], language: str) -> Variant | None:
    return next((v for v in variants if language and v.language == language), None)


def to_json(variants: Iterable[Variant]) -> str:
    return json.dumps([asdict(v) for v in variants])


def from_json(text: str) -> tuple[Variant, ...]:
    return tuple(Variant(**v) for v in json.loads(text or "[]"))
