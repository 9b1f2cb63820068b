"""Bodies of surveys' results (pydantic models; the OpenAPI schemas too)."""
from __future__ import annotations

from datetime import date as Day  # a field below is named date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from . import Body


class SurveyResultIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    person_id: str = Field(min_length=1, max_length=36)
    outcome_code: Literal["sent", "completed", "declined"] = Field(description="a Questionnaire outcome")
    satisfaction: Optional[int] = Field(None, ge=0, le=10, description="the satisfaction score given, 0-10")
    date: Optional[Day] = Field(None, description="the day of the result; empty: today (not in the future)")
    notes: str = Field("", max_length=4000)


class SurveyResults(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"results": [
        {"person_id": "6f1c2b9e-0000-4000-8000-000000000001", "outcome_code": "completed", "satisfaction": 8,
         "notes": "Happy with repairs"}]}]})

    results: list[SurveyResultIn] = Field(min_length=1, max_length=10_000)
