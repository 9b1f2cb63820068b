"""Password hashing (Argon2id, memory-hard) and bearer tokens (signed JWT).

A token names the user, their landlord or provider and the user's token version; the
gateway checks the user on every request, so disabling a user or changing
their password (which bumps the version) revokes every token issued before.
"""
from __future__ import annotations

import datetime as dt

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from services.common.clock import Clock
from services.common.errors import Unauthenticated
from services.common.ids import new_uuid

_hasher = PasswordHasher()  # Argon2id, 64 MiB, 3 passes: RFC 9106's second recommended option
# Verified against when the username is unknown, so the answer takes as long either way.
_DUMMY_HASH = _hasher.hash(new_uuid().hex)
ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


class TokenIssuer:
    """Issues tokens and reads them back; issued-at and expiry are read from `clock`, the gateway's."""

    def __init__(self, secret: str, ttl_seconds: int, *, clock: Clock):
        if len(secret) < 32:
            raise ValueError("the token secret must be at least 32 characters")
        self._secret = secret
        self.ttl_seconds = ttl_seconds
        self.clock = clock

    def issue(self, *, user_id: str, landlord_id: str | None, token_version: int, provider_id: str | None = None
              ) -> str:
        now = self.clock.now()
        claims = {"sub": user_id, "lid": landlord_id or "", "ver": token_version, "iat": now,
                  **({"pid": provider_id} if provider_id else {}),
                  "exp": now + dt.timedelta(seconds=self.ttl_seconds), "jti": new_uuid().hex}
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def read(self, token: str) -> dict:
        try:
            claims = jwt.decode(token, self._secret, algorithms=[ALGORITHM],  # times checked below, on our clock
                                options={"require": ["sub", "iat", "exp", "ver"], "verify_exp": False,
                                         "verify_iat": False, "verify_nbf": False})
            issued, expires = int(claims["iat"]), int(claims["exp"])
            not_before = int(claims.get("nbf", issued))
        except (jwt.InvalidTokenError, ValueError, TypeError, OverflowError):
            raise Unauthenticated("the token is not valid") from None
        now = self.clock.now().timestamp()
        if expires <= now:
            raise Unauthenticated("the token has expired; sign in again")
        if max(issued, not_before) > now:  # issued in the future
            raise Unauthenticated("the token is not valid")
        if expires - issued > self.ttl_seconds:  # signed elsewhere, or before a shorter TTL
            raise Unauthenticated("the token lasts longer than this platform allows; sign in again")
        return claims
