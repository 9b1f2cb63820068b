"""Signed links: the parts come back only from a token this platform signed, with this secret, for this purpose
and with as many parts as the reader expects; anything changed, cut or made for another kind of link is None."""
from __future__ import annotations

import base64

from services.common import signed_links

SECRET = "a-signing-secret-for-the-tests-only"
PURPOSE, OTHER = b"tenant-tracker test links v1", b"tenant-tracker other links v1"
PARTS = ("6f1c2b9e-0000-4000-8000-000000000001", "Ada Lovelace, Flat 2", "2026-06-29T09:30:00+00:00")


ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _flip(text: str, at: int) -> str:
    """The text with the highest bit of one base64 character flipped (the lowest may be padding's)."""
    return text[:at] + ALPHABET[ALPHABET.index(text[at]) ^ 32] + text[at + 1:]


def test_the_parts_come_back_in_order_from_a_url_safe_token():
    token = signed_links.sign(SECRET, PURPOSE, PARTS)
    assert signed_links.read(SECRET, PURPOSE, token, 3) == list(PARTS)
    assert all(c.isalnum() or c in "-_." for c in token) and token.count(".") == 1
    assert signed_links.sign(SECRET, PURPOSE, PARTS) == token  # the same parts sign the same way
    accented = ("Zoë", "Ødegaard")
    assert signed_links.read(SECRET, PURPOSE, signed_links.sign(SECRET, PURPOSE, accented), 2) == list(accented)


def test_a_token_is_only_read_with_its_secret_and_its_purpose():
    token = signed_links.sign(SECRET, PURPOSE, PARTS)
    assert signed_links.read(SECRET, OTHER, token, 3) is None
    assert signed_links.read(SECRET + "x", PURPOSE, token, 3) is None
    assert signed_links.read("", PURPOSE, token, 3) is None
    assert signed_links.read("", PURPOSE, signed_links.sign("", PURPOSE, PARTS), 3) is None  # no secret, no link
    assert signed_links.sign(SECRET, OTHER, PARTS).split(".")[1] != token.split(".")[1]


def test_a_changed_payload_or_signature_is_refused():
    token = signed_links.sign(SECRET, PURPOSE, PARTS)
    payload, mac = token.split(".")
    for at in (0, len(payload) // 2, len(payload) - 1):
        assert signed_links.read(SECRET, PURPOSE, _flip(payload, at) + "." + mac, 3) is None, at
    for at in (0, len(mac) - 1):
        assert signed_links.read(SECRET, PURPOSE, payload + "." + _flip(mac, at), 3) is None, at
    changed = base64.urlsafe_b64encode("|".join((PARTS[0], "Bea", PARTS[2])).encode()).rstrip(b"=").decode()
    assert signed_links.read(SECRET, PURPOSE, changed + "." + mac, 3) is None
    assert signed_links.read(SECRET, PURPOSE, payload + "." + mac[:-2], 3) is None  # a cut signature


def test_junk_is_none_and_never_an_error():
    token = signed_links.sign(SECRET, PURPOSE, PARTS)
    for junk in ("", ".", "..", "abc", token.split(".")[0], token + "x", token + ".x", "!!!.###", "a.b.c", None):
        assert signed_links.read(SECRET, PURPOSE, junk, 3) is None, junk


def test_the_count_of_parts_must_match_and_none_may_be_empty():
    token = signed_links.sign(SECRET, PURPOSE, PARTS)
    assert signed_links.read(SECRET, PURPOSE, token, 2) is None
    assert signed_links.read(SECRET, PURPOSE, token, 4) is None
    assert signed_links.read(SECRET, PURPOSE, signed_links.sign(SECRET, PURPOSE, ("a", "", "c")), 3) is None
