"""The password policy (NIST SP 800-63B). Every password and name here is synthetic."""
import importlib
import re

import pytest

from services.common.errors import FieldProblem
from services.gateway import passwords
from services.gateway.passwords import MAX_LENGTH, MIN_LENGTH, problems

PEOPLE = {"username": "j.smith", "name": "Jo Bloggs", "landlord_name": "Riverside Housing Association"}


def reason(password: str, **details) -> str | None:
    found = problems(password, **{**PEOPLE, **details})
    assert len(found) <= 1
    return found[0].reason if found else None


@pytest.mark.parametrize("password", [
    "correct horse battery staple", "my cat likes the blue sofa", "pass-phrase-1a2b3c4d",
    "t4ble-lamp-rain", "Xk9#mq2!vL", "eight ch", "otter-quilt", "kangaroo42", "Decorations",
    "alllowercasewithoutdigits", "ünïcødé pässwörd ✓", "🐶🐱🐭🐹🐰🦊🐻🐼",
    # long phrases are never refused just for containing common or context words
    "my password is a purple walrus", "summer picnic by the river", "dragon monkey sunshine",
    "welcome to the housing office", "jo bloggs likes tea at four",
    # digits are fine once the password is long: the stricter checks are for short ones
    "8302 6619 4475 0913", "pin 5802 7716 3390",
])
def test_acceptable_passwords_pass(password):
    assert problems(password, **PEOPLE) == []


def test_the_problem_names_the_given_field():
    assert problems("Password123!", field="admin.password") == [
        FieldProblem("admin.password", passwords.COMMON)]


@pytest.mark.parametrize("password", [
    "Password123!", "P@ssw0rd2024", "summer2025!", "password", "PASSWORD", "!!password!!",
    "P@$$w0rd", "p4ssw0rd!", "Pässwörd1", "5unsh1ne", "$unshine1", "1l0v3y0u", "M0nk3y99",
    "Dr@g0n2023", "letmein!!", "i love you!", "Leeds United 1", "Arsenal1886",
    # a base joined to a season, month or day and a year, whatever the length
    "Summer2025Password", "Welcome-Jan-2025", "Chelsea_Winter24", "autumn-2024-dragon",
    # two listed bases in a short password
    "bluemoon", "dragonmonkey",
    # a stub of letters padded with digits, or digits alone
    "ab123456", "zq1984!!", "19851231", "31415926",
])
def test_common_and_guessable_passwords_are_refused(password):
    assert reason(password) == passwords.COMMON
    assert "too common" in passwords.COMMON


@pytest.mark.parametrize("password,expected", [
    ("Qwerty1!", passwords.KEYBOARD), ("qwertyuiop", passwords.KEYBOARD), ("asdfghjkl", passwords.KEYBOARD),
    ("1qaz2wsx", passwords.KEYBOARD), ("!qaz@wsx", passwords.KEYBOARD), ("zxcvbnm,", passwords.KEYBOARD),
    ("qazwsxedc", passwords.KEYBOARD), ("poiuytrewq", passwords.KEYBOARD), ("zaq12wsx", passwords.KEYBOARD),
    ("abcdefgh", passwords.SEQUENCE), ("87654321", passwords.SEQUENCE), ("12345678", passwords.SEQUENCE),
    ("zyxwvuts", passwords.SEQUENCE), ("aaaaaaaa", passwords.SEQUENCE), ("11111111", passwords.SEQUENCE),
    ("ABCDEFGH1", passwords.SEQUENCE), ("        ", passwords.SEQUENCE), ("1234-5678", passwords.SEQUENCE),
    ("abcabcabc", passwords.REPEATED), ("passwordpassword", passwords.REPEATED), ("ab ab ab ab", passwords.REPEATED),
])
def test_runs_sequences_and_keyboard_walks_are_refused(password, expected):
    assert reason(password) == expected


def test_pattern_messages_say_what_is_wrong():
    assert "repeated or sequential" in passwords.SEQUENCE and "'12345678'" in passwords.SEQUENCE
    assert "keyboard" in passwords.KEYBOARD


def test_empty_password_is_required():
    assert problems("") == [FieldProblem("password", "is required")]


@pytest.mark.parametrize("password,ok", [
    ("Xk9#mq2", False),                  # 7 code points
    ("Xk9#mq2v", True),                  # 8
    ("Xk9#mq" + "e\u0301", False),       # 8 code points typed, 7 after NFKC composes é
    ("Xk9#mq2" + "e\u0301", True),       # 9 typed, 8 after NFKC
    ("Xk9#mq\ufb01", True),              # the ligature ﬁ is 2 characters after NFKC
    ("🐶🐱🐭🐹🐰🦊🐻", False),            # 7 emoji
])
def test_minimum_length_counts_code_points_after_nfkc(password, ok):
    assert (reason(password) is None) is ok
    if not ok:
        assert reason(password) == f"must be at least {MIN_LENGTH} characters (15 or more is advised)"


def long_phrase(length: int) -> str:
    text = " ".join(f"lamp{i}" for i in range(100))[:length]
    assert len(text) == length
    return text


def test_maximum_length_is_256_code_points():
    assert MAX_LENGTH == 256
    assert problems(long_phrase(256)) == []
    assert reason(long_phrase(257)) == "must be at most 256 characters"
    assert problems(long_phrase(64)) == []  # NIST: at least 64 must be allowed


@pytest.mark.parametrize("password,username", [
    ("j.smith!", "j.smith"), ("J.Smith-lamp-rain", "j.smith"), ("lamp j.smith rain", "J.SMITH"),
    ("jsmith2024!", "j.smith"), ("rain-jsmith-lamp-2024", "j.smith"), ("Officer42", "officer42"),
    ("xx0ff1cer42xx", "officer42"),
])
def test_username_is_refused_even_inside_a_long_password(password, username):
    assert problems(password, username=username) == [FieldProblem("password", passwords.USERNAME)]


def test_a_short_username_is_refused_only_as_the_whole_password():
    assert reason("jo-lamp-rain-99", username="jo") is None
    assert reason("jo!!!!!!", username="jo") == passwords.USERNAME


@pytest.mark.parametrize("password", ["JoBloggs85", "bloggs!!2024", "B1oggs1990", "Bloggs Jo!", "jo.bloggs"])
def test_the_persons_name_is_refused(password):
    assert reason(password, username="") == passwords.NAME


@pytest.mark.parametrize("password", ["Riverside1", "riversidehousing", "RIVERSIDE HOUSING ASSOCIATION",
                                      "R1vers1de2024!"])
def test_the_landlords_name_is_refused(password):
    assert reason(password) == passwords.LANDLORD


def test_names_refuse_only_the_whole_password_and_parts_of_four_letters_or_more():
    assert reason("riverside walks at dawn") is None
    assert reason("jo12345678", username="", name="Jo Bloggs") == passwords.COMMON  # a stub, not the name
    assert reason("association1") is None  # a generic word of the landlord's name is not its name


@pytest.mark.parametrize("password", ["tenant2024!", "TRACKER!!", "Landlord1", "H0using99", "TenantTracker!",
                                      "tenant-tracker-2025"])
def test_words_linked_to_the_service_are_refused(password):
    assert reason(password) == passwords.CONTEXT


def test_word_list_is_read_lazily_and_holds_lower_case_bases():
    module = importlib.reload(passwords)
    assert module.common_bases.cache_info().currsize == 0
    bases = module.common_bases()
    assert 400 <= len(bases) <= 900
    assert all(re.fullmatch(r"[a-z]+", word) for word in bases)
    assert {"password", "qwerty", "letmein", "iloveyou", "summer", "changeme"} <= bases
    assert module.common_bases() is bases
