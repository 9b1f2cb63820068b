import time

import pytest

from services.common.errors import Unauthenticated
from services.gateway import auth


def test_password_hashes_are_argon2id_and_verify_only_the_right_password():
    hashed = auth.hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert auth.verify_password(hashed, "correct horse battery")
    assert not auth.verify_password(hashed, "Correct horse battery")
    assert not auth.verify_password(None, "anything at all")
    assert not auth.verify_password("not a hash", "anything at all")


def test_tokens_carry_the_user_and_expire():
    issuer = auth.TokenIssuer("s" * 40, ttl_seconds=1)
    claims = issuer.read(issuer.issue(user_id="U1", landlord_id="L1", token_version=3))
    assert (claims["sub"], claims["lid"], claims["ver"]) == ("U1", "L1", 3)
    expired = issuer.issue(user_id="U1", landlord_id="L1", token_version=3)
    time.sleep(2.1)
    with pytest.raises(Unauthenticated, match="expired"):
        issuer.read(expired)


def test_a_token_signed_with_another_secret_is_refused():
    token = auth.TokenIssuer("a" * 40, 60).issue(user_id="U1", landlord_id="L1", token_version=1)
    with pytest.raises(Unauthenticated, match="not valid"):
        auth.TokenIssuer("b" * 40, 60).read(token)


def test_short_secrets_are_refused():
    with pytest.raises(ValueError):
        auth.TokenIssuer("short", 60)
