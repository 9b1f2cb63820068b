import pytest

from services.gateway.domain import User
from services.gateway.privileges import (LANDLORD_ROLES, PROVIDER_EDITABLE, PROVIDER_ROLES, ROLE_PRIVILEGES,
                                         Privilege, Role, grant_problems, management_refusal,
                                         provider_grant_problems, provider_management_refusal, read_only_fields)


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


def provider_user(role: Role, provider_id: str = "P1", user_id: str | None = None) -> User:
    return User(user_id or f"{role.value}-{provider_id}", None, f"{role.value}.p", "Someone", role, "hash",
                provider_id=provider_id)


OPERATOR = User("op", None, "operator", "Platform operator", Role.PLATFORM_OPERATOR, "hash", all_areas=True)
P1_MANAGER = provider_user(Role.PROVIDER_MANAGER)
P1_ADVISER = provider_user(Role.PROVIDER_ADVISER)


def test_provider_roles_hold_their_own_password_and_the_manager_manages_users():
    assert ROLE_PRIVILEGES[Role.PROVIDER_ADVISER] == {Privilege.CHANGE_OWN_PASSWORD}
    assert ROLE_PRIVILEGES[Role.PROVIDER_MANAGER] == {Privilege.MANAGE_USERS, Privilege.CHANGE_OWN_PASSWORD}
    assert not set(PROVIDER_ROLES) & set(LANDLORD_ROLES)


@pytest.mark.parametrize("role", PROVIDER_ROLES)
def test_a_landlords_administrator_never_gives_a_provider_role(role):
    problems = grant_problems(ADMIN, role=role, extra=[], areas=[], all_areas=True)
    assert [p.field for p in problems] == ["role"] and "provider" in problems[0].reason


def test_the_operator_gives_any_provider_role_of_any_provider_and_no_landlord_role():
    for role in PROVIDER_ROLES:
        assert provider_grant_problems(OPERATOR, provider_id="P9", role=role) == []
    assert provider_grant_problems(OPERATOR, provider_id="P9", role=Role.SITE_ADMINISTRATOR)[0].field == "role"


def test_a_providers_manager_gives_provider_roles_of_their_own_provider_only():
    assert provider_grant_problems(P1_MANAGER, provider_id="P1", role=Role.PROVIDER_ADVISER) == []
    assert provider_grant_problems(P1_MANAGER, provider_id="P1", role=Role.PROVIDER_MANAGER) == []
    for role in LANDLORD_ROLES + (Role.PLATFORM_OPERATOR,):
        assert provider_grant_problems(P1_MANAGER, provider_id="P1", role=role)[0].field == "role"
    assert provider_grant_problems(P1_MANAGER, provider_id="P2", role=Role.PROVIDER_ADVISER)
    assert provider_grant_problems(P1_ADVISER, provider_id="P1", role=Role.PROVIDER_ADVISER)
    assert provider_grant_problems(ADMIN, provider_id="P1", role=Role.PROVIDER_ADVISER)


@pytest.mark.parametrize("granter,target,refused", [
    (OPERATOR, P1_MANAGER, False),
    (P1_MANAGER, P1_ADVISER, False),
    (P1_MANAGER, provider_user(Role.PROVIDER_MANAGER, user_id="another"), False),
    (P1_MANAGER, provider_user(Role.PROVIDER_ADVISER, provider_id="P2"), True),
    (P1_ADVISER, provider_user(Role.PROVIDER_ADVISER, user_id="another"), True),
    (ADMIN, P1_ADVISER, True),
    (P1_MANAGER, user(Role.READ_ONLY), True),
])
def test_who_may_manage_a_providers_users(granter, target, refused):
    refusal = (provider_management_refusal if target.provider_id else management_refusal)(granter, target)
    assert (refusal is not None) is refused


def test_a_landlords_administrator_never_manages_a_providers_user_nor_the_reverse():
    assert management_refusal(ADMIN, P1_ADVISER) is not None
    assert management_refusal(P1_MANAGER, user(Role.READ_ONLY)) is not None
    assert read_only_fields(ADMIN, P1_ADVISER) == sorted({"username", *PROVIDER_EDITABLE, "status"})


def test_read_only_fields_of_a_providers_users():
    assert read_only_fields(P1_MANAGER, P1_ADVISER) == ["username"]
    assert read_only_fields(OPERATOR, P1_MANAGER) == ["username"]
    assert read_only_fields(P1_MANAGER, P1_MANAGER) == ["role", "status", "username"]
    assert "name" in read_only_fields(P1_ADVISER, provider_user(Role.PROVIDER_ADVISER, user_id="another"))
