import json

from services.common.criteria import MAX_IDS
from services.gateway.bodies import MAX_JSON_BODY_BYTES, nesting_depth


def test_nesting_depth_counts_arrays_and_objects_but_not_brackets_in_text():
    assert nesting_depth(b"{}") == 1
    assert nesting_depth(b'{"a": [1, {"b": []}], "c": {}}') == 4
    assert nesting_depth(b'{"text": "[[[{{{ \\" [[[ "}') == 1
    assert nesting_depth(b"[" * 990 + b"]" * 990) == 990
    assert nesting_depth(b"1") == nesting_depth(b"") == 0


def test_a_criteria_list_of_the_most_ids_allowed_fits_in_a_json_body():
    body = json.dumps({"criteria": {"person_id": [f"6f1c2b9e-0000-4000-8000-{i:012d}" for i in range(MAX_IDS)]},
                       "page_size": 500}).encode()
    assert len(body) < MAX_JSON_BODY_BYTES
