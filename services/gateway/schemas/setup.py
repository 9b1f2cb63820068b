"""Request and response bodies of the profile set-up: option lists, custom
fields and profile settings (pydantic models; they are the OpenAPI schemas too)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from . import Body

CustomType = Literal["text", "number", "date", "yes_no", "choice", "multi_choice"]
AppliesTo = Literal["person", "property", "household"]
Group = Literal["White British", "BME", ""]


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": list(examples)})


class TenancyTypeAttributes(Body):
    fed_by_import: bool | None = Field(None, description="people of this type come from the housing-system import,"
                                                         " so they cannot be added by hand")
    ref_prefix: str | None = Field(None, max_length=20, description="generated personal references start with it")
    ref_digits: int | None = Field(None, ge=1, le=20, description="the number is zero-padded to this many digits")
    next_number: int | None = Field(None, ge=1, le=10**15, description="the number the next generated reference gets")


class OptionListSummary(BaseModel):
    name: str = Field(description="use it in the option list paths")
    label: str
    custom: bool = Field(description="the options of a choice custom field")
    options: int
    archived: int


class OptionListIndex(BaseModel):
    items: list[OptionListSummary]


class OptionOut(BaseModel):
    id: str
    label: str
    position: int = Field(description="1-based")
    archived: bool = Field(description="hidden from new use; the records that have it keep it")
    code: str = Field(description="programmed meaning (e.g. no_email): cannot be archived or deleted")
    group: str = Field(description="ethnicity: White British, BME or empty (not known)")
    attributes: dict[str, bool | int | str] = Field(description="tenancy types: fed_by_import, ref_prefix, ref_digits,"
                                                                " next_number")
    in_use: int = Field(description="people using it; it can be deleted only at 0")


class OptionListOut(BaseModel):
    name: str
    label: str
    items: list[OptionOut]


class NewOption(Body):
    model_config = _examples({"label": "Allotments and gardening"},
                             {"label": "Shared ownership", "attributes": {"fed_by_import": False, "ref_prefix": "SO",
                                                                          "ref_digits": 5, "next_number": 1}})

    label: str = Field(min_length=1, max_length=200, description="unique within the list, whatever the case")
    group: Group = Field("", description="ethnicity options only")
    attributes: TenancyTypeAttributes | None = Field(None, description="tenancy types only")


class OptionChanges(Body):
    model_config = _examples({"label": "Estate walkabouts and inspections", "position": 1},
                             {"archived": True})

    label: str | None = Field(None, min_length=1, max_length=200)
    archived: bool | None = None
    position: int | None = Field(None, ge=1, le=100_000, description="move it here (1-based); the others keep their order")
    group: Group | None = Field(None, description="ethnicity options only")
    attributes: TenancyTypeAttributes | None = Field(None, description="tenancy types only: the attributes sent change")


class OptionOrder(Body):
    model_config = _examples({"option_ids": ["3f1c2a8e-0000-4000-8000-000000000001",
                                             "3f1c2a8e-0000-4000-8000-000000000002"]})

    option_ids: list[str] = Field(max_length=1000, description="every option of the list, in its new order")


class CustomFieldOut(BaseModel):
    id: str
    key: str = Field(description="its name in criteria and person records (custom.<key>); never changes")
    label: str
    type: str
    position: int
    archived: bool
    applies_to: AppliesTo = Field(description="what it profiles: people, properties or households")
    option_list: str | None = Field(description="choice types: the option list holding its options")
    in_use: int = Field(description="people with a value; the type can change and the field be deleted only at 0")


class CustomFieldList(BaseModel):
    items: list[CustomFieldOut]


class NewCustomField(Body):
    model_config = _examples({"label": "Allotment holder", "type": "yes_no"},
                             {"label": "Preferred contact time", "type": "choice", "key": "contact_time",
                              "options": ["Morning", "Afternoon", "Evening"]},
                             {"label": "Bedrooms", "type": "number", "key": "bedrooms", "applies_to": "property"})

    label: str = Field(min_length=1, max_length=200)
    type: CustomType
    key: str = Field("", max_length=40, description="lowercase letters, digits, underscores; from the label if empty")
    options: list[str] = Field(default_factory=list, max_length=500, description="choice types: the first options")
    applies_to: AppliesTo = Field("person", description="what it profiles: people (the default), properties or "
                                                        "households; labels are unique among the fields of each")


class CustomFieldChanges(Body):
    model_config = _examples({"label": "Allotment holder (council)", "position": 1}, {"archived": True})

    label: str | None = Field(None, min_length=1, max_length=200)
    type: CustomType | None = Field(None, description="only while nobody has a value")
    archived: bool | None = None
    position: int | None = Field(None, ge=1, le=100_000)


class AgeBand(Body):
    label: str = Field(min_length=1, max_length=40)
    min_age: int = Field(ge=0, le=130)
    max_age: int | None = Field(None, ge=0, le=130, description="empty on the last band: and over")


class ProfileSettingsOut(BaseModel):
    age_bands: list[AgeBand]
    personal_ref_mode: Literal["typed", "generated"] = Field(
        description="typed: users type personal references (checked unique); generated: from the tenancy type's"
                    " prefix and next number")


class ProfileSettingsChanges(Body):
    model_config = _examples({"age_bands": [{"label": "Under 18", "min_age": 0, "max_age": 17},
                                            {"label": "18-64", "min_age": 18, "max_age": 64},
                                            {"label": "65+", "min_age": 65, "max_age": None}],
                              "personal_ref_mode": "typed"})

    age_bands: list[AgeBand] | None = Field(None, max_length=30, description="from 0, contiguous, the last open-ended")
    personal_ref_mode: Literal["typed", "generated"] | None = None
