"""Twilio's request signature: the documented example signs to the documented value, the signed string
is the URL then each parameter's name and value in name order, and any change to what was signed (a
parameter, the URL, the token) or a missing signature is refused."""
from __future__ import annotations

import base64
import hashlib
import hmac

from services.common.twilio_signature import is_valid, signature

# The worked example in Twilio's request-validation documentation (twilio-php's "Validate Incoming
# Requests" page): this token, URL and form give this X-Twilio-Signature.
TOKEN = "12345"
URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
PARAMS = {"CallSid": "CA1234567890ABCDE", "Caller": "+14158675309", "Digits": "1234",
          "From": "+14158675309", "To": "+18005551212"}
DOCUMENTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_the_documented_example_signs_to_the_documented_signature():
    assert signature(TOKEN, URL, PARAMS) == DOCUMENTED
    assert is_valid(TOKEN, URL, PARAMS, DOCUMENTED)
    assert signature(TOKEN, URL, dict(reversed(PARAMS.items()))) == DOCUMENTED  # the order sent does not matter


def test_the_signed_string_is_the_url_then_names_and_values_in_name_order():
    url = "https://example.org/texts/replies"
    params = {"To": "+447700900002", "Body": "Yes please", "From": "+447700900001"}
    signed = url + "Body" + "Yes please" + "From" + "+447700900001" + "To" + "+447700900002"
    expected = base64.b64encode(hmac.new(b"a-token", signed.encode("utf-8"), hashlib.sha1).digest()).decode()
    assert signature("a-token", url, params) == expected


def test_a_name_given_twice_signs_its_values_in_order():
    url = "https://example.org/hook"
    signed = url + "A" + "x" + "B" + "1" + "B" + "2"
    expected = base64.b64encode(hmac.new(b"t", signed.encode("utf-8"), hashlib.sha1).digest()).decode()
    assert signature("t", url, {"B": ["2", "1"], "A": "x"}) == expected


def test_a_changed_parameter_url_or_token_is_refused():
    assert not is_valid(TOKEN, URL, {**PARAMS, "Digits": "9999"}, DOCUMENTED)
    assert not is_valid(TOKEN, URL, {**PARAMS, "Extra": ""}, DOCUMENTED)
    assert not is_valid(TOKEN, URL.replace("foo=1", "foo=2"), PARAMS, DOCUMENTED)
    assert not is_valid(TOKEN, URL.replace("https:", "http:"), PARAMS, DOCUMENTED)
    assert not is_valid("54321", URL, PARAMS, DOCUMENTED)


def test_no_signature_or_no_token_is_never_valid():
    assert not is_valid(TOKEN, URL, PARAMS, None)
    assert not is_valid(TOKEN, URL, PARAMS, "")
    assert not is_valid("", URL, PARAMS, signature("", URL, PARAMS))
    assert not is_valid(TOKEN, URL, PARAMS, "not base64 at all ✓")
