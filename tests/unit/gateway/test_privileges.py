import pytest

from services.gateway.domain import User
from services.gateway.privileges import (ROLE_PRIVILEGES, Privilege, Role, grant_problems, management_refusal,
                                         read_only_fields)


def user(role: Role, *, extra=(), areas=("North",), all_areas=False, user_id=None) -> User:
    return User(user_id or f"{role.value}-{'-'.join(areas)}", "L1", f"{role.value}.x", "Someone", role, "hash",
                areas=tuple(areas), all_areas=all_areas, extra_privileges=frozenset(extra))


ADMIN = user(Role.SITE_ADMINISTRATOR, all_areas=True, areas=())
NORTH_MANAGER = user(Role.MANAGER, extra=[Privilege.MANAGE_USERS], areas=("North",))


def test_site_administrators_hold_every_privilege_and_others_a_subset():
    assert ROLE_PRIVILEGES[Role.SITE_ADMINISTRATOR] == frozenset(Privilege)
    for role in Role:
        assert ROLE_PRIVILEGES[role] <= ROLE_PRIVILEGES[Role.SITE_ADMINISTRATOR]
    assert Privilege.MANAGE_USERS not in ROLE_PRIVILEGES[Role.MANAGER]


def test_nobody_gives_a_role_or_privilege_beyond_their_own():
    problems = grant_problems(NORTH_MANAGER, role=Role.SITE_ADMINISTRATOR, extra=[Privilege.MANAGE_SETUP],
                              areas=["North"], all_areas=False)
    assert {p.field for p in problems} == {"role", "extra_privileges"}
    assert "manage_setup" in problems[0].reason
    assert grant_problems(NORTH_MANAGER, role=Role.HOUSING_OFFICER, extra=[Privilege.EXPORT_DATA],
                          areas=["North"], all_areas=False) == []


def test_a_user_of_some_areas_creates_users_only_in_those_areas():
    problems = grant_problems(NORTH_MANAGER, role=Role.HOUSING_OFFICER, extra=[], areas=["North", "South"], all_areas=True)
    assert {p.field for p in problems} == {"areas", "all_areas"}
    assert grant_problems(NORTH_MANAGER, role=Role.HOUSING_OFFICER, extra=[], areas=[], all_areas=False)[0].field == "areas"
    assert grant_problems(ADMIN, role=Role.HOUSING_OFFICER, extra=[], areas=["South"], all_areas=False) == []


@pytest.mark.parametrize("target,refused", [
    (user(Role.HOUSING_OFFICER, areas=("North",)), False),
    (user(Role.HOUSING_OFFICER, areas=("South",)), True),
    (user(Role.HOUSING_OFFICER, areas=("North",), all_areas=True), True),
    (user(Role.SITE_ADMINISTRATOR, areas=("North",)), True),
])
def test_who_may_manage_whom(target, refused):
    assert (management_refusal(NORTH_MANAGER, target) is not None) is refused
    assert management_refusal(ADMIN, target) is None


def test_read_only_fields_for_yourself_and_for_others():
    officer = user(Role.HOUSING_OFFICER, areas=("North",))
    assert set(read_only_fields(ADMIN, ADMIN)) == {"username", "role", "extra_privileges", "areas", "all_areas", "status"}
    assert read_only_fields(ADMIN, officer) == ["username"]
    assert "all_areas" in read_only_fields(NORTH_MANAGER, officer)
    assert "name" in read_only_fields(NORTH_MANAGER, user(Role.SITE_ADMINISTRATOR, areas=("North",), user_id="x"))
    own = read_only_fields(officer, officer)
    assert "role" in own and "name" not in own
