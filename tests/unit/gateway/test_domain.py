from services.gateway.domain import initials_of, one_time_password, profile_problems


def test_initials_come_from_the_name():
    assert initials_of("Sam de Sample") == "SDS"
    assert initials_of("Jo") == "J"


def test_one_time_passwords_are_long_and_different():
    first, second = one_time_password(), one_time_password()
    assert first != second and len(first) >= 20


def test_profile_details_are_normalised_and_every_problem_named():
    values = {"name": "  Jo   Sample ", "initials": "js", "areas": [" North  ", "North", "East"]}
    assert profile_problems(values) == []
    assert values == {"name": "Jo Sample", "initials": "JS", "areas": ("North", "East")}
    bad = {"name": " ", "initials": "J5", "email": "not-an-email", "phone": "call me", "areas": [""]}
    assert {p.field for p in profile_problems(bad, prefix="admin.")} == {
        "admin.name", "admin.initials", "admin.email", "admin.phone", "admin.areas"}
