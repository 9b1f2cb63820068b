"""Bodies of the landlord's communication codes and their outcome codes, an option list (pydantic models; the
OpenAPI schemas too)."""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from . import Body

LABEL = Field(min_length=1, max_length=60, description="as users see it; once per list, whatever its case")
ARCHIVED = Field(None, description="offered for no new record (records that carry it keep it); false brings it back")


def _code(most: int):
    return Field("", max_length=most, description="a lower-case letter, then letters, digits and _; left out: made "
                                                  "from the label (Home visit: home_visit)")


class OutcomeCodeIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"label": "Surveyor let in"}]})

    label: str = LABEL
    code: str = _code(60)


class CommunicationCodeIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"label": "Home visit by surveyor", "outcomes": [{"label": "Surveyor let in"}, {"label": "No access"}]}]})

    label: str = LABEL
    code: str = _code(40)
    outcomes: list[OutcomeCodeIn] = Field([], max_length=100, description="its outcome codes, in the order shown")


class CodeChanges(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"archived": True}, {"label": "Surveyor's visit"}]})

    label: Optional[str] = Field(None, min_length=1, max_length=60,
                                 description="records show the new label from now on")
    archived: Optional[bool] = ARCHIVED


class OutcomeCodeOut(BaseModel):
    code: str
    label: str
    archived: bool
    platform: bool = Field(description="the platform records it on what it sends: never archived or deleted")


class CommunicationCodeOut(BaseModel):
    code: str
    label: str
    archived: bool
    platform: bool = Field(description="the platform records it on what it sends: never archived or deleted")
    outcomes: list[OutcomeCodeOut] = Field(description="in the order shown (the archived ones only when asked for)")


class CommunicationCodeList(BaseModel):
    items: list[CommunicationCodeOut] = Field(description="in the order shown")


class CodeListQuery(Body):
    archived: bool = Field(False, description="the archived codes and outcome codes too")
