"""Feed format v1's record layout: the columns housing systems publish (Kafka records and
file rows alike), in order. The import service owns the format; this is the one place its
columns are written, with no dependencies, so the stdlib-only sample residents can use them too."""
from __future__ import annotations

FEED_COLUMNS = (
    "personal_ref", "title", "first_name", "surname", "date_of_birth", "gender", "ethnicity", "disability",
    "tenancy_type", "household_status", "area", "property_ref", "address1", "address2", "address3", "address4",
    "postcode", "phone", "mobile", "email", "gender_identity", "marriage_civil_partnership", "pregnancy_maternity",
)
