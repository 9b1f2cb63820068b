import json
import logging

from services.common import context, logs


def test_log_lines_are_json_with_the_request_and_landlord(capsys):
    logs.configure("INFO")
    with context.bound(context.CallContext(landlord_id="L1", request_id="req-1")):
        logging.getLogger("tracker.test").info("person added", extra={"person_id": "P1"})
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["message"] == "person added" and line["level"] == "INFO"
    assert (line["request_id"], line["landlord_id"], line["person_id"]) == ("req-1", "L1", "P1")
