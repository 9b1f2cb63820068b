"""What each recipient gets, with no I/O: "Dear Mr Adams" or "Dear Alan" (never a dangling "Dear J"), merge
fields filled (HTML-escaped in an email's content), and the parts (credits) a recipient's text takes."""
from __future__ import annotations

import json
import zlib
from dataclasses import replace

from services.common.text_segments import segments

from . import variants
from .checks import MERGE_FIELD
from .domain import EXCLUDED, POST, SURVEY, TEXT, Message, Recipient


def costed(message: Message, recipient: Recipient) -> Recipient:
    """The recipient with the parts their text will take (0 for an email, or someone excluded)."""
    if message.channel != TEXT or recipient.state == EXCLUDED:
        return recipient
    return replace(recipient, segments=segments(render_text(message, recipient)).count)


def greeting_line(message: Message, recipient: Recipient) -> str:
    """ "Dear Mr Adams" or "Dear Alan" (an alternative contact by their name); never a dangling "Dear J":
    a bare initial falls back to title and surname, then to "Dear resident"."""
    if recipient.contact_name:
        return f"Dear {recipient.contact_name}"
    first = recipient.first_name if len(recipient.first_name.strip(". ")) > 1 else ""
    formal = f"{recipient.title} {recipient.surname}" if recipient.title and recipient.surname else ""
    chosen = (formal or first) if message.greeting == "title_surname" else (first or formal)
    return f"Dear {chosen}" if chosen else "Dear resident"


def _content(message: Message, recipient: Recipient) -> Message | variants.Variant:
    """What holds the recipient's subject, HTML and text: their language's variant, else the message."""
    return variants.of(message.variants, recipient.language) or message


def _fill(message: Message, recipient: Recipient, text: str, escape=lambda v: v) -> str:
    values = {"greeting": greeting_line(message, recipient), "title": recipient.title,
              "first_name": recipient.first_name, "surname": recipient.surname,
              "full_name": recipient.name, "personal_ref": recipient.personal_ref}
    return MERGE_FIELD.sub(lambda m: escape(values.get(m.group(1), "")), text)


def render(message: Message, recipient: Recipient) -> tuple[str, str]:
    """(subject, html) of an email as this recipient gets them: merge fields filled (HTML-escaped in the
    content)."""
    content = _content(message, recipient)
    return _fill(message, recipient, content.subject), _fill(message, recipient, content.html, _escape)


def render_text(message: Message, recipient: Recipient) -> str:
    """A text as this recipient gets it: merge fields filled."""
    return _fill(message, recipient, _content(message, recipient).text)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def rendered(message: Message, recipient: Recipient) -> tuple[str, str]:
    """(subject, content) as this recipient gets the message: an email's subject and HTML, a text's ("", text);
    a letter's ("", "") (its content is the template the post room merges)."""
    if message.channel in (POST, SURVEY):
        return "", ""
    if message.channel == TEXT:
        return "", render_text(message, recipient)
    return render(message, recipient)


def copy(message: Message, recipient: Recipient) -> bytes:
    """What this recipient was sent (subject and content; nothing for a letter, whose content is its template),
    compressed, to keep with them."""
    if message.channel in (POST, SURVEY):
        return b""
    subject, content = rendered(message, recipient)
    return zlib.compress(json.dumps({"subject": subject, "content": content}).encode("utf-8"))


def from_copy(kept: bytes) -> tuple[str, str]:
    """(subject, content) of a copy `copy` kept; ("", "") for none."""
    if not kept:
        return "", ""
    found = json.loads(zlib.decompress(kept))
    return found["subject"], found["content"]
