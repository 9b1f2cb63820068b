"""The gateway's side of people search: the sort in its one typed form from the request to profiles,
criteria read once (to the groups service only when they need it), and profiles' typed rows and facet
counts turned into the same JSON the API has always answered, equality columns redacted."""
from __future__ import annotations

from types import SimpleNamespace

from services.common.search import SortKey
from services.gateway import searching
from services.gateway.domain import User
from services.gateway.privileges import Role
from services.gateway.schemas.people import SortField
from services.gen.tracker.groups.v1 import groups_service_pb2 as groups_pb
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

ADMIN = User("U1", "L1", "admin", "Ann Admin", Role.SITE_ADMINISTRATOR, "")
OFFICER = User("U2", "L1", "officer", "Olly Officer", Role.HOUSING_OFFICER, "")


class FakeStub:
    """Answers each call with `answer`, keeping the requests."""

    def __init__(self, answer):
        self.answer = answer
        self.requests = []

    def __call__(self, request, timeout=None):
        self.requests.append(request)
        return self.answer


def _answer() -> pb.SearchPeopleResponse:
    answer = pb.SearchPeopleResponse(total=2, rows=[
        pb.PersonRow(id="p1", status="current", personal_ref="P1", first_name="Jo", surname="Adams",
                     address="1 Acacia Avenue, NF1 2AB", columns=[
                         pb.ColumnValue(column="age", whole_number=76), pb.ColumnValue(column="age_band", text="65+"),
                         pb.ColumnValue(column="custom.score", number=2.5),
                         pb.ColumnValue(column="custom.pets", whole_number=3),
                         pb.ColumnValue(column="has_mobile", yes_no=False),
                         pb.ColumnValue(column="interests", labels=pb.Labels(labels=["Money advice", "DIY"])),
                         pb.ColumnValue(column="equality_group", text="BME")]),
        pb.PersonRow(id="p2", status="archived", personal_ref="P2", first_name="Sam", surname="Brown", address="",
                     columns=[pb.ColumnValue(column="age"), pb.ColumnValue(column="age_band"),
                              pb.ColumnValue(column="custom.score"), pb.ColumnValue(column="custom.pets"),
                              pb.ColumnValue(column="has_mobile", yes_no=True),
                              pb.ColumnValue(column="interests", labels=pb.Labels()),
                              pb.ColumnValue(column="equality_group")])])
    facet = answer.facet_values["tenancy_type"]
    facet.values.add(label="Sheltered", count=1).value.string_value = "o-1"
    facet.values.add(label="Not known", count=1).value.null_value = 0
    return answer


def _gateway(answer=None, expanded: dict | None = None):
    groups_answer = groups_pb.ExpandCriteriaResponse()
    if expanded is not None:
        groups_answer.criteria.update(expanded)
    profiles = SimpleNamespace(SearchPeople=FakeStub(answer or _answer()))
    return SimpleNamespace(profiles=profiles,
                           clients=SimpleNamespace(groups=SimpleNamespace(ExpandCriteria=FakeStub(groups_answer))))


def test_typed_rows_and_facets_become_the_json_the_api_answers():
    gw = _gateway()
    found = searching.search_people(gw, ADMIN, criteria={"age": {"min": 65}}, page=2, page_size=10,
                                    columns=["age", "age_band"], facets=["tenancy_type"])
    assert found == {"total": 2, "page": 2, "page_size": 10, "items": [
        {"id": "p1", "status": "current", "personal_ref": "P1", "first_name": "Jo", "surname": "Adams",
         "address": "1 Acacia Avenue, NF1 2AB", "age": 76, "age_band": "65+", "custom.score": 2.5, "custom.pets": 3,
         "has_mobile": False, "interests": ["Money advice", "DIY"], "equality_group": "BME"},
        {"id": "p2", "status": "archived", "personal_ref": "P2", "first_name": "Sam", "surname": "Brown",
         "address": "", "age": None, "age_band": None, "custom.score": None, "custom.pets": None, "has_mobile": True,
         "interests": [], "equality_group": None}],
        "facets": {"tenancy_type": [{"value": "o-1", "label": "Sheltered", "count": 1},
                                    {"value": None, "label": "Not known", "count": 1}]}}
    assert list(found["items"][0]) == ["id", "status", "personal_ref", "first_name", "surname", "address", "age",
                                       "age_band", "custom.score", "custom.pets", "has_mobile", "interests",
                                       "equality_group"], "standard columns first, then those asked, in order"
    assert type(found["items"][0]["age"]) is int and type(found["items"][0]["custom.score"]) is float


def test_equality_columns_are_left_out_for_those_who_may_not_see_them():
    items = searching.search_people(_gateway(), OFFICER, criteria={})["items"]
    assert all("equality_group" not in item for item in items) and items[0]["age"] == 76


def test_the_sort_goes_to_profiles_in_its_one_form():
    gw = _gateway()
    searching.search_people(gw, ADMIN, criteria={}, sort=[SortKey("age", True), SortKey("surname")])
    request = gw.profiles.SearchPeople.requests[0]
    assert [(s.field, s.descending) for s in request.sort] == [("age", True), ("surname", False)]


def test_a_body_or_a_query_sort_becomes_sort_keys():
    assert searching.sort_keys([SortField(field="age", direction="desc"), SortField(field="surname")]) == [
        SortKey("age", descending=True), SortKey("surname")]
    assert searching.sort_keys(["-age", "surname"]) == [SortKey("age", True), SortKey("surname", False)]


def test_criteria_go_to_groups_only_when_they_name_what_groups_expands():
    gw = _gateway(expanded={"person_id": ["p1"], "age": {"min": 65}})
    searching.search_people(gw, ADMIN, criteria={"age": {"min": 65}})
    assert gw.clients.groups.ExpandCriteria.requests == []
    sent = gw.profiles.SearchPeople.requests[0].criteria
    assert dict(sent["age"]) == {"min": 65}
    searching.search_people(gw, ADMIN, criteria={"admin_group": ["g1"], "age": {"min": 65}})
    assert len(gw.clients.groups.ExpandCriteria.requests) == 1
    assert set(gw.profiles.SearchPeople.requests[1].criteria.keys()) == {"person_id", "age"}
