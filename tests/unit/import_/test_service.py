"""Use-case rules of the import service that need no storage: who may import equality data, and what the
rejected-rows report shows to someone who may not see it."""
import importlib
import io

import pytest

from services.common.errors import PermissionDenied

service = importlib.import_module("services.import.service")
files = importlib.import_module("services.import.files")
feed = importlib.import_module("services.import.feed")


def header(line: str, mapping=None):
    return files.read_csv(io.BytesIO(line.encode() + b"\r\n"), mapping=mapping).header


def refusal(head, **held) -> dict[str, str]:
    with pytest.raises(PermissionDenied) as refused:
        service._check_equality(head, view=held.get("view", False), edit=held.get("edit", False))
    return {p.field: p.reason for p in refused.value.fields}


def test_equality_columns_need_both_equality_privileges_naming_each_column():
    head = header("personal_ref,first_name,surname,Ethnicity,disability,gender")
    assert refusal(head) == {
        "file.Ethnicity": "gives ethnicity, equality data: needs 'view_equality_data' and 'edit_equality_data'; "
                          "leave the column out of the file",
        "file.disability": "gives disability, equality data: needs 'view_equality_data' and 'edit_equality_data'; "
                           "leave the column out of the file"}
    assert set(refusal(head, view=True).values()) == {
        f"gives {f}, equality data: needs 'edit_equality_data'; leave the column out of the file"
        for f in ("ethnicity", "disability")}
    assert list(refusal(head, edit=True)) == ["file.Ethnicity", "file.disability"]
    service._check_equality(head, view=True, edit=True)
    service._check_equality(header("personal_ref,first_name,surname,gender"), view=False, edit=False)


def test_a_mapping_decides_which_columns_are_equality_data():
    mapping = {"Ethnic group": "ethnicity", "ethnicity": None}
    head = header("personal_ref,first_name,surname,Ethnic group,ethnicity", mapping)
    assert list(refusal(head)) == ["file.Ethnic group"]


def test_the_report_leaves_equality_columns_out_for_who_may_not_see_them():
    values = {"personal_ref": "R1", "Ethnic group": "Indian", "disability": "Yes", "surname": "Smith"}
    problems = [feed.RowProblem(2, "Ethnic group", "is not an option of the list 'ethnicity'", values)]
    [shown] = service._without_equality(iter(problems), {"Ethnic group": "ethnicity"})
    assert (shown.row, shown.column, shown.reason) == (2, "Ethnic group", "is not an option of the list 'ethnicity'")
    assert shown.values == {"personal_ref": "R1", "surname": "Smith"}
