"""The option lists every landlord starts with (synthetic but realistic for UK
social housing). Landlords rename, reorder, archive and add to them freely.
A default option's id is fixed by its landlord, list and label, so a landlord
whose defaults are not written yet reads them with the ids they will have."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Mapping

from services.common.person_fields import PROGRAMMED_PREFERENCES

from .domain import Option

DEFAULT_OPTION_IDS = uuid.UUID("a51149c2-e476-4462-bc2a-2cce677ea428")  # the namespace of default options' ids


@dataclass(frozen=True)
class DefaultOption:
    label: str
    code: str = ""
    group: str = ""
    attributes: Mapping[str, Any] = field(default_factory=dict)


def _plain(*labels: str) -> tuple[DefaultOption, ...]:
    return tuple(DefaultOption(label) for label in labels)


WHITE_BRITISH = "White: English, Welsh, Scottish, Northern Irish or British"
# ONS Census 2021 (England and Wales), labelled as services/common/sample_residents.py labels them.
ONS_ETHNICITIES = (
    "Asian, Asian British or Asian Welsh: Bangladeshi",
    "Asian, Asian British or Asian Welsh: Chinese",
    "Asian, Asian British or Asian Welsh: Indian",
    "Asian, Asian British or Asian Welsh: Pakistani",
    "Asian, Asian British or Asian Welsh: Other Asian",
    "Black, Black British, Black Welsh, Caribbean or African: African",
    "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
    "Black, Black British, Black Welsh, Caribbean or African: Other Black",
    "Mixed or Multiple ethnic groups: White and Asian",
    "Mixed or Multiple ethnic groups: White and Black African",
    "Mixed or Multiple ethnic groups: White and Black Caribbean",
    "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups",
    WHITE_BRITISH,
    "White: Irish",
    "White: Gypsy or Irish Traveller",
    "White: Roma",
    "White: Other White",
    "Other ethnic group: Arab",
    "Other ethnic group: Any other ethnic group",
)
_IMPORTED = {"fed_by_import": True, "ref_prefix": "", "ref_digits": 6, "next_number": 1}

DEFAULT_OPTIONS: dict[str, tuple[DefaultOption, ...]] = {
    "title": _plain("Mr", "Mrs", "Miss", "Ms", "Mx", "Dr"),
    "tenancy_type": (
        *(DefaultOption(label, attributes=_IMPORTED) for label in ("General needs", "Sheltered", "Leasehold",
                                                                  "Co-resident")),
        DefaultOption("Non-resident", attributes={"fed_by_import": False, "ref_prefix": "NR", "ref_digits": 6,
                                                  "next_number": 1}),
    ),
    "household_status": _plain("Head", "Joint", "Other"),
    "area": _plain("Area A", "Area B", "Area C", "Area D"),
    "gender": _plain("Female", "Male", "Non-binary", "Prefer not to say"),
    "ethnicity": (
        *(DefaultOption(label, group="White British" if label == WHITE_BRITISH else "BME") for label in ONS_ETHNICITIES),
        DefaultOption("Prefer not to say"),
    ),
    "disability": _plain("Yes", "No", "Prefer not to say"),
    "religion": _plain("No religion", "Christian", "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh",
                       "Any other religion", "Prefer not to say"),
    "sexual_orientation": _plain("Straight or heterosexual", "Gay or lesbian", "Bisexual", "Other sexual orientation",
                                 "Prefer not to say"),
    # ONS 2021 census: "Is the gender you identify with the same as your sex registered at birth?"
    "gender_identity": _plain("Same as sex registered at birth", "Different from sex registered at birth",
                              "Prefer not to say"),
    # ONS 2021 census legal partnership status, its seven categories
    "marriage_civil_partnership": _plain("Never married and never registered a civil partnership", "Married",
                                         "In a registered civil partnership", "Separated",
                                         "Divorced or civil partnership dissolved",
                                         "Widowed or surviving civil partner", "Prefer not to say"),
    "pregnancy_maternity": _plain("Pregnant", "Given birth in the last 26 weeks", "Neither", "Prefer not to say"),
    "first_language": _plain("English", "Welsh", "Polish", "Romanian", "Panjabi", "Urdu", "Portuguese", "Spanish",
                             "Arabic", "Bengali", "Gujarati", "Other"),
    "communication_needs": _plain("Large print", "Braille", "Easy read", "Audio", "Interpreter",
                                  "British Sign Language", "Advocate"),
    "employment_status": _plain("Full-time", "Part-time", "Self-employed", "Unemployed", "Retired", "Student",
                                "Unable to work", "Other"),
    "income_band": _plain("Under £10,000", "£10,000-£19,999", "£20,000-£29,999", "£30,000 or more"),
    "benefits": _plain("Universal Credit", "Housing Benefit", "Pension Credit", "Personal Independence Payment",
                       "Attendance Allowance", "Carer's Allowance", "Council Tax Reduction"),
    "preferences": tuple(DefaultOption(label, code=code) for code, label in PROGRAMMED_PREFERENCES.items()),
    "interests": _plain("Community safety", "Repairs and maintenance", "Estate improvements",
                        "Environment and green spaces", "Digital inclusion", "Money advice", "Youth activities",
                        "Older people's services"),
    "methods": _plain("Surveys", "Focus groups", "Resident panel", "Estate walkabouts", "Online forums", "Newsletters",
                      "Mystery shopping"),
}


def defaults_for(list_name: str) -> tuple[DefaultOption, ...]:
    """A standard list's starting options (empty for a list added to the catalogue with none)."""
    return DEFAULT_OPTIONS.get(list_name, ())



def default_options(landlord_id: str, list_name: str) -> list[Option]:
    """A standard list's starting options for one landlord, as they are written and read back."""
    return [Option(str(uuid.uuid5(DEFAULT_OPTION_IDS, f"{landlord_id}/{list_name}/{d.label}")), list_name, d.label, i,
                   code=d.code, group=d.group, attributes=dict(d.attributes))
            for i, d in enumerate(defaults_for(list_name), start=1)]
