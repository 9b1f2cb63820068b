"""Access declarations: a provider's users are never a landlord's, and the reverse."""
import pytest

from services.gateway.api import (OPERATOR, SIGNED_IN, landlord_staff, landlord_user, operator_or_provider_user,
                                  provider_user)
from services.gateway.domain import User
from services.gateway.privileges import Privilege, Role

OPERATOR_USER = User("op", None, "operator", "Platform operator", Role.PLATFORM_OPERATOR, "hash")
ADMIN = User("a", "L1", "admin", "Admin", Role.SITE_ADMINISTRATOR, "hash", all_areas=True)
MANAGER = User("m", None, "p.manager", "Manager", Role.PROVIDER_MANAGER, "hash", provider_id="P1")
ADVISER = User("v", None, "p.adviser", "Adviser", Role.PROVIDER_ADVISER, "hash", provider_id="P1")
MANAGE = Privilege.MANAGE_USERS


@pytest.mark.parametrize("access,allowed", [
    (SIGNED_IN, {"operator", "admin", "manager", "adviser"}),
    (OPERATOR, {"operator"}),
    (landlord_user(), {"admin"}),
    (landlord_staff(), {"admin"}),
    (landlord_user(MANAGE), {"admin"}),
    (provider_user(), {"manager", "adviser"}),
    (provider_user(MANAGE), {"manager"}),
    (operator_or_provider_user(MANAGE), {"operator", "manager"}),
    (operator_or_provider_user(), {"operator", "manager", "adviser"}),
])
def test_who_each_kind_lets_in(access, allowed):
    users = {"operator": OPERATOR_USER, "admin": ADMIN, "manager": MANAGER, "adviser": ADVISER}
    assert {name for name, user in users.items() if access.allows(user)} == allowed
    assert not access.allows(None)


def test_a_landlords_user_in_a_provider_role_is_refused_by_landlord_routes():
    made_before = User("x", "L1", "old.adviser", "Old", Role.PROVIDER_ADVISER, "hash")
    assert not landlord_user().allows(made_before) and not provider_user().allows(made_before)


def test_the_provider_kinds_show_in_the_openapi_declaration():
    assert provider_user().extension() == {"kind": "provider", "privilege": None}
    assert operator_or_provider_user(MANAGE).extension() == {"kind": "operator_or_provider",
                                                             "privilege": "manage_users"}
    assert "provider" in provider_user().describe() and "manage_users" in operator_or_provider_user(MANAGE).describe()
