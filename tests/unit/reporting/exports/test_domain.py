"""Export jobs: the columns kept, what is refused, and progress as a percentage."""
import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.reporting.exports import domain

NOW = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)


def test_progress_is_a_percentage_of_the_people_counted_at_the_start_and_100_only_when_done():
    job = domain.new_job("L1", "U1", file_format="csv", criteria={}, columns=["area", "surname", "area"], now=NOW)
    assert job.columns == ("area",)  # standard columns and repeats left out
    job.total, job.rows_written = 200, 150
    assert job.percent == 75
    job.rows_written = 200
    assert job.percent == 99
    job.status = domain.DONE
    assert job.percent == 100
    with pytest.raises(InvalidInput) as refused:
        domain.new_job("L1", "U1", file_format="pdf", criteria={}, columns=["x"] * 101, now=NOW)
    assert [p.field for p in refused.value.fields] == ["format", "columns"]
