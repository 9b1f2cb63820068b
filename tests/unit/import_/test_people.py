"""Profiles as the import sees it: a batch of people goes to UpsertPeople in requests that fit a gRPC message."""
import importlib
import json

people = importlib.import_module("services.import.clients.profiles")


def test_a_batch_too_big_for_one_message_goes_in_several_in_order():
    long = "\U0001F600" * 400  # 12 bytes a character in JSON: every field of a thousand rows as long as any may be
    records = [{"personal_ref": f"R{n}", **{f: long for f in ("first_name", "surname", "address_line_1",
                                                               "address_line_2", "address_line_3")}}
               for n in range(1000)]
    assert len(json.dumps(records)) > people.MAX_MESSAGE_BYTES
    requests = list(people._requests(records))
    assert len(requests) > 1 and all(len(r) <= people.REQUEST_BYTES for r in requests)
    assert [p for r in requests for p in json.loads(r)] == records
    assert [json.loads(r) for r in people._requests(records[:3])] == [records[:3]]
