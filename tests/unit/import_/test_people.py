"""Profiles as the import sees it: a batch of people goes to UpsertPeople in requests that fit a gRPC message."""
import importlib
import json

people = importlib.import_module("services.import.clients.profiles")


def test_a_batch_too_big_for_one_message_goes_in_several_in_order():
    long = "\U0001F600" * 400  # 4 bytes a character in UTF-8: six fields of a thousand rows, longer than any may be
    records = [{"personal_ref": f"R{n}", **{f: long for f in ("first_name", "surname", "address_line_1",
                                                               "address_line_2", "address_line_3", "address_line_4")}}
               for n in range(1000)]
    assert sum(len(json.dumps(r, ensure_ascii=False).encode()) for r in records) > people.REQUEST_BYTES
    requests = list(people._requests(records))
    assert len(requests) > 1 and all(len(r) <= people.REQUEST_BYTES for r in requests)
    assert [p for r in requests for p in json.loads(r)] == records
    assert [json.loads(r) for r in people._requests(records[:3])] == [records[:3]]
