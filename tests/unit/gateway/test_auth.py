import datetime as dt

import jwt
import pytest

from services.common.clock import FixedClock
from services.common.errors import Unauthenticated
from services.gateway import auth

CLOCK = FixedClock()


def test_password_hashes_are_argon2id_and_verify_only_the_right_password():
    hashed = auth.hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert auth.verify_password(hashed, "correct horse battery")
    assert not auth.verify_password(hashed, "Correct horse battery")
    assert not auth.verify_password(None, "anything at all")
    assert not auth.verify_password("not a hash", "anything at all")


def test_tokens_carry_the_user_and_expire_when_the_clock_passes_their_lifetime():
    clock = FixedClock()
    issuer = auth.TokenIssuer("s" * 40, ttl_seconds=60, clock=clock)
    token = issuer.issue(user_id="U1", landlord_id="L1", token_version=3)
    claims = issuer.read(token)
    assert (claims["sub"], claims["lid"], claims["ver"]) == ("U1", "L1", 3)
    assert claims["iat"] == int(clock.now().timestamp())
    clock.move(dt.timedelta(seconds=59))
    assert issuer.read(token)["sub"] == "U1"
    clock.move(dt.timedelta(seconds=1))
    with pytest.raises(Unauthenticated, match="expired"):
        issuer.read(token)


def test_a_token_issued_later_than_the_clock_says_is_refused():
    clock = FixedClock()
    token = auth.TokenIssuer("s" * 40, ttl_seconds=60, clock=clock).issue(user_id="U1", landlord_id="L1",
                                                                         token_version=1)
    clock.move(dt.timedelta(seconds=-5))
    with pytest.raises(Unauthenticated, match="not valid"):
        auth.TokenIssuer("s" * 40, ttl_seconds=60, clock=clock).read(token)


def test_a_token_whose_times_are_not_numbers_is_refused():
    token = jwt.encode({"sub": "U1", "lid": "L1", "ver": 1, "iat": "soon", "exp": "later"}, "s" * 40,
                       algorithm=auth.ALGORITHM)
    with pytest.raises(Unauthenticated, match="not valid"):
        auth.TokenIssuer("s" * 40, ttl_seconds=3600, clock=CLOCK).read(token)


def test_a_token_signed_with_another_secret_is_refused():
    token = auth.TokenIssuer("a" * 40, 60, clock=CLOCK).issue(user_id="U1", landlord_id="L1", token_version=1)
    with pytest.raises(Unauthenticated, match="not valid"):
        auth.TokenIssuer("b" * 40, 60, clock=CLOCK).read(token)


def test_short_secrets_are_refused():
    with pytest.raises(ValueError):
        auth.TokenIssuer("short", 60, clock=CLOCK)


def test_a_token_signed_to_last_longer_than_the_platform_allows_is_refused():
    secret = "s" * 40
    long_lived = auth.TokenIssuer(secret, ttl_seconds=30 * 24 * 3600, clock=CLOCK).issue(
        user_id="U1", landlord_id="L1", token_version=1)
    with pytest.raises(Unauthenticated, match="longer than this platform allows"):
        auth.TokenIssuer(secret, ttl_seconds=3600, clock=CLOCK).read(long_lived)


def test_a_token_that_does_not_say_when_it_was_issued_is_refused():
    clock = FixedClock()
    token = jwt.encode({"sub": "U1", "lid": "L1", "ver": 1, "exp": clock.now() + dt.timedelta(seconds=60)}, "s" * 40,
                       algorithm=auth.ALGORITHM)
    with pytest.raises(Unauthenticated, match="not valid"):
        auth.TokenIssuer("s" * 40, ttl_seconds=3600, clock=clock).read(token)
