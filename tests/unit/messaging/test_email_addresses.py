"""An address on a list is checked by email-validator; its per-domain shortcut must answer exactly as the
library does for the whole address, for plain addresses and for every awkward shape."""
import pytest
from email_validator import EmailNotValidError, validate_email

from services.messaging.messages.checks import email_address

ADDRESSES = [
    "a@example.org", "A.B@Example.ORG", "a+tag@example.org", "a!#$%&'*+/=?^_`{|}~-@example.org",
    "a@sub.example.co.uk", "a@EXAMPLE.ORG", "a@xn--exmple-cua.org", "x" * 64 + "@example.org",
    "a..b@example.org", ".a@example.org", "a.@example.org", "x" * 65 + "@example.org",
    "a@b", "a@localhost", "a@example.org.", "a@.example.org", "a@example..org", "a@-example.org", "a@exa_mple.org",
    "a@" + "b" * 250 + ".org", "a@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + "." + "e" * 50 + ".org",
    '"a b"@example.org', '"a@b"@example.org', "Name <a@example.org>", "a@[127.0.0.1]",
    "", "@example.org", "a@", "a@@example.org", "a @example.org", "a@example.org ", "a\n@example.org",
    "ä@example.org", "a@exämple.org", "a@example.invalid", "a@test", "a@123.456", "a@example.123", "a@ex ample.org",
]


def library(value: str) -> str | None:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


@pytest.mark.parametrize("value", ADDRESSES)
def test_an_address_is_judged_as_email_validator_judges_it_whole(value):
    assert email_address(value) == library(value)


def test_a_domain_refused_once_is_refused_for_every_address_on_it_and_a_good_one_still_passes():
    assert email_address("first@exa_mple.org") is None
    assert email_address("second@exa_mple.org") is None
    assert email_address("second@example.org") == "second@example.org"
