"""Fixtures of the people search unit tests: `people`, persons held in an embedded search index in
tmp_path (criteria_support.People with its catalogue)."""
from __future__ import annotations

import pytest

from tests.unit.profiles.search.criteria_support import People


@pytest.fixture
def people(tmp_path):
    people = People(tmp_path)
    yield people
    people.index.close()
