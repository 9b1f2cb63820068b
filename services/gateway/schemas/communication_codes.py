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


COLOUR = Field(None, max_length=30, description="as an interaction type: #RRGGBB; the text colour written on it must "
                                              "have at least 4.5:1 contrast with it (WCAG AA)")
TEXT_COLOUR = Field(None, max_length=30, description="the colour of the type's name written on it, #RRGGBB (white: "
                                                    "#FFFFFF, black: #000000)")


class CommunicationCodeIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"label": "Home visit by surveyor", "outcomes": [{"label": "Surveyor let in"}, {"label": "No access"}]},
        {"label": "Anti-social behaviour report", "colour": "#FFD43B", "text_colour": "#000000"}]})

    label: str = LABEL
    code: str = _code(40)
    outcomes: list[OutcomeCodeIn] = Field([], max_length=100, description="its outcome codes, in the order shown")
    colour: Optional[str] = Field(None, max_length=30, description="as an interaction type: #RRGGBB (left out: "
                                                                   "slate grey); its text must be readable on it")
    text_colour: Optional[str] = TEXT_COLOUR


class CodeChanges(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"archived": True}, {"label": "Surveyor's visit"}]})

    label: Optional[str] = Field(None, min_length=1, max_length=60,
                                 description="records show the new label from now on")
    archived: Optional[bool] = ARCHIVED


class CommunicationCodeChanges(CodeChanges):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"archived": True}, {"label": "Surveyor's visit"}, {"colour": "#0B7285"}]})

    colour: Optional[str] = COLOUR
    text_colour: Optional[str] = TEXT_COLOUR


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
    colour: str = Field(description="as an interaction type, #RRGGBB")
    text_colour: str = Field(description="the colour its name is written in on it")
    outcomes: list[OutcomeCodeOut] = Field(description="in the order shown (the archived ones only when asked for)")


class CommunicationCodeList(BaseModel):
    items: list[CommunicationCodeOut] = Field(description="in the order shown")


class CodeListQuery(Body):
    archived: bool = Field(False, description="the archived codes and outcome codes too")
