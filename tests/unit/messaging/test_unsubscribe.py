"""Unsubscribe links name their person and channel and are signed: a link changed in any part, or made with
another secret, is no link at all."""
from services.messaging.messages.unsubscribe import Unsubscribe, read, token

SECRET = "a-signing-secret-for-the-tests-only"
WHO = Unsubscribe("6f1c2b9e-0000-4000-8000-000000000001", "6f1c2b9e-0000-4000-8000-000000000002", "email")


def test_a_link_reads_back_as_its_person_and_channel():
    link = token(SECRET, WHO)
    assert read(SECRET, link) == WHO
    assert all(c.isalnum() or c in "-_." for c in link)  # safe in a URL path as it is


def test_a_changed_or_foreign_link_is_refused():
    link = token(SECRET, WHO)
    other = token(SECRET, Unsubscribe(WHO.landlord_id, "6f1c2b9e-0000-4000-8000-000000000003", "email"))
    payload, mac = link.split(".")
    assert read(SECRET, other.split(".")[0] + "." + mac) is None  # someone else's person with this signature
    assert read("another-secret", link) is None
    assert read("", link) is None
    for junk in ("", ".", "abc", payload, payload + ".", "!!!.###", link + "x"):
        assert read(SECRET, junk) is None, junk
