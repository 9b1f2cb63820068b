"""An attachment is checked for its message's channel, from its bytes: an email's is a document or a
picture, a letter's a word-processor file or a PDF, a text has none; empty and oversized files are refused
naming the file, and the name offered back is made safe."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.messaging.messages.attachments import MAX_BYTES, new_attachment

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def _attach(channel: str, content: bytes, name: str = "file.pdf"):
    return new_attachment(channel=channel, file_name=name, content=content, user_id="U", now=NOW)


def test_a_document_or_picture_is_taken_by_its_bytes_under_a_safe_name():
    made = _attach("email", PNG, "../../logo.pdf")
    assert (made.file_name, made.content_type, made.size_bytes) == ("logo.pdf", "image/png", len(PNG))
    assert _attach("post", PDF).content_type == "application/pdf"


@pytest.mark.parametrize("channel, content, reason", [
    ("email", b"", "is empty"), ("email", PDF + b"0" * MAX_BYTES, "at most 5 MiB"),
    ("email", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "nothing else"), ("email", b"PK\x05\x06" + b"\x00" * 18, "zip"),
    ("post", PNG, "template"), ("text", PDF, "no attachment")])
def test_what_the_channel_cannot_carry_is_refused_naming_the_file(channel, content, reason):
    with pytest.raises(InvalidInput) as refused:
        _attach(channel, content)
    assert [p.field for p in refused.value.fields] == ["file"] and reason in refused.value.fields[0].reason
