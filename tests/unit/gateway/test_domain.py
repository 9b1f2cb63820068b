import pytest

from services.common.errors import InvalidInput
from services.gateway.domain import ROLE_PRIVILEGES, Privilege, Role, check_new_user, password_problems


@pytest.mark.parametrize("password,ok", [
    ("short", False), ("eight ch", True), ("x" * 64, True), ("x" * 257, False),
    ("alllowercasewithoutdigits", True), ("ünïcødé pässwörd ✓", True),
])
def test_passwords_follow_length_rules_only(password, ok):
    assert (password_problems(password, "someone") == []) is ok


def test_password_must_not_be_the_username():
    assert password_problems("Jo.Admin1", "jo.admin1")[0].reason == "must not be the username"


def test_new_user_is_normalised_and_every_problem_named():
    assert check_new_user("  Jo.Admin ", " Jo   Admin ", "long enough pw") == ("jo.admin", "Jo Admin")
    with pytest.raises(InvalidInput) as raised:
        check_new_user("a", "", "x", prefix="admin.")
    assert {p.field for p in raised.value.fields} == {"admin.username", "admin.name", "admin.password"}


def test_no_role_but_site_administrator_holds_every_privilege():
    assert ROLE_PRIVILEGES[Role.SITE_ADMINISTRATOR] == frozenset(Privilege)
    for role, privileges in ROLE_PRIVILEGES.items():
        assert privileges <= ROLE_PRIVILEGES[Role.SITE_ADMINISTRATOR] or role is Role.PLATFORM_OPERATOR
    assert Privilege.MANAGE_USERS not in ROLE_PRIVILEGES[Role.MANAGER]
