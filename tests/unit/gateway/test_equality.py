import pytest

from services.common.errors import PermissionDenied
from services.gateway import equality
from services.gateway.domain import User
from services.gateway.privileges import Privilege, Role


def user(role: Role, extra=()) -> User:
    return User("U1", "L1", "someone", "Some One", role, "hash", extra_privileges=frozenset(extra))


RECORD = {"personal_ref": "R1", "surname": "Example", "ethnicity": "Prefer not to say", "religion": None}


def test_equality_fields_are_left_out_for_users_who_may_not_see_them():
    officer = user(Role.HOUSING_OFFICER)
    assert equality.redact(RECORD, officer) == {"personal_ref": "R1", "surname": "Example"}
    assert equality.redact(RECORD, user(Role.HOUSING_OFFICER, [Privilege.VIEW_EQUALITY_DATA])) == RECORD
    assert equality.redact(RECORD, user(Role.MANAGER)) == RECORD


def test_searching_or_changing_equality_data_needs_the_privilege():
    officer = user(Role.HOUSING_OFFICER)
    with pytest.raises(PermissionDenied) as raised:
        equality.check_use({"ethnicity": ["x"], "text": "a"}, officer, where="criteria")
    assert [p.field for p in raised.value.fields] == ["criteria.ethnicity"]
    equality.check_use({"text": "a"}, officer, where="criteria")
    with pytest.raises(PermissionDenied):
        equality.check_edit(["surname", "disability"], user(Role.HOUSING_OFFICER, [Privilege.VIEW_EQUALITY_DATA]))
    equality.check_edit(["disability"], user(Role.MANAGER))
    assert equality.read_only_person_fields(officer) == sorted(equality.EQUALITY_FIELDS)
    assert equality.read_only_person_fields(user(Role.SITE_ADMINISTRATOR)) == []
