import json
import logging

from services.common import context, logs
from services.common.bus import Message
from services.common.bus.handling import run_handler
from services.common.search import SearchError


def test_log_lines_are_json_with_the_request_and_landlord(capsys):
    logs.configure("INFO")
    with context.bound(context.CallContext(landlord_id="L1", request_id="req-1")):
        logging.getLogger("tracker.test").info("person added", extra={"person_id": "P1"})
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["message"] == "person added" and line["level"] == "INFO"
    assert (line["request_id"], line["landlord_id"], line["person_id"]) == ("req-1", "L1", "P1")


def test_errors_are_logged_by_class_with_the_message_only_of_classes_that_vouch_for_it():
    field = "cf_0123456789abcdef0123456789abcdef"
    assert logs.error_reason(SearchError(f"field {field!r} of index 'people' already has another type")) == (
        f"SearchError: field {field!r} of index 'people' already has another type")
    assert logs.error_reason(ValueError("Ann Example, 1 Sample Road")) == "ValueError"  # may be personal data
    assert logs.error_reason(SearchError("")) == "SearchError"


def test_a_failing_handler_is_logged_with_the_reason_of_a_search_error(caplog):
    def handler(message):
        raise SearchError("field 'cf_1' has a value that is not a valid double")

    message = Message(topic="tracker.people.v1", key="L1:P1", value=b"")
    with caplog.at_level(logging.WARNING):
        error = run_handler(handler, message, "tracker.people.v1@7")
    assert isinstance(error, SearchError)
    assert "handler failed (SearchError: field 'cf_1' has a value that is not a valid double)" in caplog.text
