"""Profiles as reporting sees it, over gRPC: the landlord's set-up as reports need it (labels of options,
age bands, the choice fields of people), and every person's state for the recount. The caller's landlord
travels in the call context."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from google.protobuf import empty_pb2

from services.common import people_rows
from services.common.grpc_client import call, call_stream
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from ..domain import PersonState
from ..messages import person_state
from ..reports.domain import AgeBand, Catalogue, CatalogueOption, FacetValue

CHOICE_TYPES = ("choice", "multi_choice")


class Profiles:
    def __init__(self, setup_stub, profiles_stub):
        self._setup = setup_stub
        self._profiles = profiles_stub

    def catalogue(self) -> Catalogue:
        answer = call(self._setup.GetReportingCatalogue, empty_pb2.Empty())
        lists = {item.name: (item.label, tuple(CatalogueOption(o.option_id, o.label, o.group, o.archived)
                                               for o in item.options)) for item in answer.lists}
        bands = tuple(AgeBand(b.label, b.min_age, b.max_age if b.HasField("max_age") else None)
                      for b in answer.age_bands)
        choice = [f for f in answer.custom_fields if f.type in CHOICE_TYPES and not f.archived]
        people = tuple((f.list_name or f"custom.{f.key}", f.type == "multi_choice") for f in choice
                       if (f.applies_to or "person") == "person")
        homes = tuple((f.list_name or f"custom.{f.key}", f.type == "multi_choice", f"cf.{f.field_id}") for f in choice
                      if (f.applies_to or "person") != "person")
        return Catalogue(lists, bands, people, homes)

    def custom_field_types(self) -> dict[str, str]:
        """Every custom field's type (text, choice...) by field id."""
        answer = call(self._setup.GetReportingCatalogue, empty_pb2.Empty())
        return {f.field_id: f.type for f in answer.custom_fields}

    def people_states(self, page_size: int = 0) -> Iterator[list[PersonState]]:
        """Every person of the landlord (current and archived), a page at a time (0: profiles' page size)."""
        for page in call_stream(self._profiles.StreamPeopleStates, pb.StreamPeopleStatesRequest(page_size=page_size),
                                timeout=None):
            yield [person_state(person) for person in page.people]

    def resolve(self, criteria: Mapping[str, Any]) -> Iterator[tuple[int, list[str]]]:
        return people_rows.resolve(self._profiles, criteria)

    def pages(self, criteria: Mapping[str, Any], columns: Iterable[str]) -> Iterator[tuple[int, list]]:
        """The people the criteria pick, a page of search rows (the standard columns and these) at a time,
        with how many there are (on the first); the next pages are read while the caller uses this one."""
        return people_rows.pages(self._profiles, criteria, columns)

    def rows(self, person_ids: list[str], columns: Iterable[str]) -> list:
        """Search rows of these people (500 at a time), the standard columns and these."""
        return people_rows.rows(self._profiles, person_ids, columns)

    def count(self, criteria: Mapping[str, Any], columns: Iterable[str] = ()) -> int:
        """How many people the criteria pick (InvalidInput naming a bad criterion, or a column search has not)."""
        request = pb.SearchPeopleRequest(count_only=True, page_size=1, columns=list(columns))
        request.criteria.update(dict(criteria))
        return call(self._profiles.SearchPeople, request, timeout=30).total

    def facet_counts(self, criteria: Mapping[str, Any], names: Iterable[str]) -> tuple[int, dict[str, list[FacetValue]]]:
        """How many people the criteria pick, and their exact counts by each of these facets."""
        request = pb.SearchPeopleRequest(count_only=True, page_size=1, facets=list(names))
        request.criteria.update(dict(criteria))
        answer = call(self._profiles.SearchPeople, request, timeout=30)
        return answer.total, {name: [FacetValue(_plain(v.value), v.label, v.count) for v in facet.values]
                              for name, facet in answer.facet_values.items()}


def _plain(value) -> str | None:
    kind = value.WhichOneof("kind")
    if kind in (None, "null_value"):
        return None
    if kind == "bool_value":
        return "true" if value.bool_value else "false"
    return str(value.string_value if kind == "string_value" else value.number_value)
