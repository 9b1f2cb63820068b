"""Password policy after NIST SP 800-63B: a length range, no composition rules, and a
refusal of passwords that are common, guessable or built from the user's own details.

`problems()` answers [] or one FieldProblem naming the first thing wrong. The list of
common bases (data/common_passwords.txt) is read on first use, not at import.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

from services.common.errors import FieldProblem

MIN_LENGTH = 8          # at least 8 characters
ADVISED_LENGTH = 15     # mentioned in the message; shorter passwords get stricter checks
MAX_LENGTH = 256        # NIST: allow at least 64

TOO_SHORT = f"must be at least {MIN_LENGTH} characters ({ADVISED_LENGTH} or more is advised)"
TOO_LONG = f"must be at most {MAX_LENGTH} characters"
REQUIRED = "is required"
USERNAME = "must not contain your username"
NAME = "must not be your name"
LANDLORD = "must not be your organisation's name"
CONTEXT = "must not be a word linked to this service, such as 'tenant' or 'housing'"
SEQUENCE = "must not be a run of one repeated or sequential character such as 'aaaaaaaa' or '12345678'"
REPEATED = "must not be a short pattern repeated, such as 'abcabcabc'"
KEYBOARD = "must not be a keyboard pattern such as 'qwertyuiop' or '1qaz2wsx'"
COMMON = "is too common or too easy to guess: choose a longer phrase of unrelated words"

CONTEXT_WORDS = frozenset({"tenant", "tenants", "tracker", "tenanttracker", "housing", "landlord",
                           "landlords", "password", "welcome"})
CALENDAR_WORDS = frozenset(
    "spring summer autumn fall winter christmas xmas easter january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec monday tuesday wednesday thursday friday saturday sunday".split())
# Words too generic to refuse on their own when they are only part of an organisation's name.
_GENERIC_ORG_WORDS = frozenset(
    "the and of ltd limited plc llp cic group trust homes housing association partnership "
    "council borough city county district services community society".split())

_LEET_I = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                         "@": "a", "$": "s", "!": "i"})
_LEET_L = str.maketrans({**{chr(k): v for k, v in _LEET_I.items()}, "1": "l"})
_SHIFTED_DIGITS = str.maketrans("!@#$%^&*()", "1234567890")  # UK and US shifted number row
_KEYBOARD_LINES = ("1234567890-=", "qwertyuiop[]", "asdfghjkl;'#", "zxcvbnm,./",  # rows
                   "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/",
                   "zse4", "xdr5", "cft6", "vgy7", "bhu8", "nji9", "mko0")  # columns, diagonals
_KEYBOARD_RUNS = frozenset(line[i:j] for base in _KEYBOARD_LINES for line in (base, base[::-1])
                           for i in range(len(line)) for j in range(i + 3, len(line) + 1))
_MAX_AFFIX_TRIES = 8  # affix lengths tried one by one; a longer affix is also stripped whole


@functools.cache
def common_bases() -> frozenset[str]:
    """The bundled list of common password bases, read once."""
    text = (resources.files(__package__) / "data" / "common_passwords.txt").read_text("utf-8")
    return frozenset(w for w in (line.strip() for line in text.splitlines()) if w and not w.startswith("#"))


def problems(password: str, *, field: str = "password", username: str = "", name: str = "",
             landlord_name: str = "") -> list[FieldProblem]:
    """[] when the password is acceptable, else one FieldProblem with the first reason found."""
    reason = _first_reason(password, username, name, landlord_name)
    return [FieldProblem(field, reason)] if reason else []


def _first_reason(password: str, username: str, name: str, landlord_name: str) -> str | None:
    text = unicodedata.normalize("NFKC", password)
    if not text:
        return REQUIRED
    length = len(text)  # Unicode code points after NFKC, as NIST asks
    if length < MIN_LENGTH:
        return TOO_SHORT
    if length > MAX_LENGTH:
        return TOO_LONG
    folded = _fold(text)
    bases = _bases(folded)
    if _contains_username(folded, bases, username):
        return USERNAME
    if _is_name(folded, bases, name, generic=frozenset()):
        return NAME
    if _is_name(folded, bases, landlord_name, generic=_GENERIC_ORG_WORDS):
        return LANDLORD
    pattern = _pattern(folded)
    if pattern:
        return pattern
    if _is_guessable(folded, bases, short=length < ADVISED_LENGTH):
        return COMMON
    if any(_is_compound(b, CONTEXT_WORDS, common_bases(), length < ADVISED_LENGTH) for b in bases):
        return CONTEXT
    return None


def _fold(text: str) -> str:
    """Lower case without accents, for comparison only ('Pässwörd' -> 'passwörd' -> ...)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", bare.casefold())


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _strip_affixes(text: str) -> str:
    """The text from its first to its last letter ('!!pass1word99' -> 'pass1word')."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    return text[letters[0]:letters[-1] + 1] if letters else ""


def _bases(folded: str) -> set[str]:
    """Every way of reading the password as a base word: leading and trailing digits and
    symbols stripped (wholly or in part, as they may be leetspeak: '$unshine1'), leetspeak
    undone (1 read as i, then as l) and inner spaces and punctuation removed."""
    letters = [i for i, c in enumerate(folded) if c.isalpha()]
    if not letters:
        return set()
    lead, trail = letters[0], len(folded) - 1 - letters[-1]
    leads = set(range(min(lead, _MAX_AFFIX_TRIES) + 1)) | {lead}
    trails = set(range(min(trail, _MAX_AFFIX_TRIES) + 1)) | {trail}
    out: set[str] = set()
    for i in leads:
        for j in trails:
            middle = folded[i:len(folded) - j]
            for variant in (middle, middle.translate(_LEET_I), middle.translate(_LEET_L)):
                out.add(variant)
                out.add(_alnum(variant))
    return out


def _contains_username(folded: str, bases: set[str], username: str) -> bool:
    user = _fold(unicodedata.normalize("NFKC", username.strip()))
    if not user:
        return False
    if len(user) < 4:  # too short to look for inside a password; refuse only the username itself
        return user in bases or _alnum(user) in bases
    for table in ({}, _LEET_I, _LEET_L):  # leetspeak undone on both sides alike
        word, text = user.translate(table), folded.translate(table)
        if word in text or len(_alnum(word)) >= 4 and _alnum(word) in _alnum(text):
            return True
    return False


def _name_forms(name: str, generic: frozenset[str]) -> set[str]:
    """A name's parts of 4+ letters, runs of consecutive parts, and the parts reversed."""
    parts = [_letters(p) for p in re.split(r"[\s\-'’.,&/]+", _fold(unicodedata.normalize("NFKC", name)))]
    parts = [p for p in parts if p]
    forms = {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)}
    forms |= {p for p in parts if p not in generic}
    forms.add("".join(reversed(parts)))
    return {f for f in forms if len(f) >= 4}


def _is_name(folded: str, bases: set[str], name: str, generic: frozenset[str]) -> bool:
    """The whole password, ignoring digits and symbols, is the name or a part of it."""
    forms = _name_forms(name, generic) if name.strip() else set()
    candidates = {_letters(folded), _letters(folded.translate(_LEET_I)),
                  _letters(folded.translate(_LEET_L))} | {_letters(b) for b in bases}
    return bool(forms & candidates)


def _pattern(folded: str) -> str | None:
    alnum = _alnum(folded.translate(_SHIFTED_DIGITS))
    core = alnum.strip("0123456789")  # 'aaaaaaaa1' -> 'aaaaaaaa', 'qwerty1!' -> 'qwerty'
    no_space = re.sub(r"\s+", "", folded.translate(_SHIFTED_DIGITS))
    forms = [f for f in (folded, alnum, core, no_space) if len(f) >= 4]
    if any(_is_run(f) for f in forms):
        return SEQUENCE
    if any(_is_keyboard_walk(f) for f in forms):
        return KEYBOARD
    if any(_is_periodic(f) for f in forms):
        return REPEATED
    return None


def _is_run(text: str) -> bool:
    """One character repeated, or an ascending or descending run ('abcdefgh', '87654321')."""
    step = ord(text[1]) - ord(text[0])
    if step not in (-1, 0, 1) or any(ord(b) - ord(a) != step for a, b in zip(text, text[1:])):
        return False
    return step == 0 or text.isdigit() or (text.isascii() and text.isalpha())


def _is_keyboard_walk(text: str) -> bool:
    """The text is made wholly of runs of 3+ neighbouring keys ('qwertyuiop', '1qaz2wsx')."""
    reachable = [True] + [False] * len(text)
    for end in range(3, len(text) + 1):
        reachable[end] = any(reachable[start] and text[start:end] in _KEYBOARD_RUNS
                             for start in range(max(0, end - 12), end - 2))
    return reachable[-1]


def _is_periodic(text: str) -> bool:
    """A shorter piece repeated at least twice ('abcabcabc', 'passwordpassword')."""
    return any(all(text[i] == text[i - p] for i in range(p, len(text)))
               for p in range(1, len(text) // 2 + 1))


def _is_compound(word: str, required: frozenset[str], others: frozenset[str], short: bool) -> bool:
    """`word`, less any inner digits, is a required word, or one joined to a season, month
    or day ('summer2025password'), or, in a short password, to any listed word."""
    word = re.sub(r"\d+", "", word)
    if word in required:
        return True
    for k in range(3, len(word) - 2):
        left, right = word[:k], word[k:]
        for first, second in ((left, right), (right, left)):
            if first in required and (second in CALENDAR_WORDS or short and (
                    second in required or second in others or second in CONTEXT_WORDS)):
                return True
    return False


def _is_guessable(folded: str, bases: set[str], *, short: bool) -> bool:
    core = _strip_affixes(folded)
    digits = sum(c.isdigit() for c in folded)
    if short and len(core) < 4 and 2 * digits >= len(folded):  # '19851231', 'ab123456'
        return True
    common = common_bases()
    if bases & common:
        return True
    return any(_is_compound(b, common, CONTEXT_WORDS, short) for b in bases)
