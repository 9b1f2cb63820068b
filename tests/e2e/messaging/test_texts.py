"""A first text through the REST API in both modes, through the platform's loopback text provider (Twilio's
wire protocol): the operator tops up the landlord's credits, the list says who cannot get a text and why,
an alternative contact receives on a person's behalf, the provider's signed delivery reports reach the
gateway and set each record's outcome, a reply of STOP opts the person out of texts and any other reply
is a communication record; forged reports are refused, a send the credits cannot cover is a 409 and
nothing goes out. Synthetic people and numbers only."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, wait_searchable

MESSAGES = "/api/v1/messages"
CREDITS = "/api/v1/texts/credits"


def _text(number: str) -> dict:
    return {"channel": "text", "description": "Gas checks", "sender_name": "Northfield Homes",
            "reply_to_number": number, "text": "{{greeting}}, your gas safety check is due. Reply to book.",
            "greeting": "first_name", "landlord_contact": "Sam Officer"}


def _texts_to(platform, number: str) -> list:
    return [t for t in platform.texts.received if t["to"] == number]


def _top_up(operator, landlord_id: str, credits: int) -> dict:
    answer = operator.post(f"/api/v1/landlords/{landlord_id}/text-credits", json={"credits": credits, "note": "PO 7"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _outcomes(admin, person_id: str) -> list:
    return [(c["communication_code"], c["outcome_code"])
            for c in admin.get(f"/api/v1/people/{person_id}/communications").json()["items"]]


def test_a_first_text_reaches_only_the_people_it_may_and_what_comes_back_is_recorded(platform, operator, landlord):
    details, admin = landlord
    platform.texts.outcomes["+447700900312"] = ("undelivered", 30006)  # a number that cannot take texts
    ada = add(admin, "Alan", "Adams", mobile="07700 900311")
    bad = add(admin, "Bev", "Badnumber", mobile="07700 900312")
    late = add(admin, "Lee", "Late", mobile="07700 900313")
    land = add(admin, "Lin", "Landline", mobile="0113 496 0000")
    helped = add(admin, "Hal", "Helped", alt_contact_name="Cara Carer", alt_contact_phone="07700 900314")
    everyone = [ada, bad, late, land, helped]
    wait_searchable(admin, *everyone)
    assert _top_up(operator, details["id"], 10)["balance"] == 10

    made = admin.post(MESSAGES, json=_text("07700 900301"))
    assert made.status_code == 201, made.text
    message = made.json()
    assert message["reference"].startswith("Text Northfield Homes ") and message["reply_to_number"] == "+447700900301"
    listed = admin.post(f"{MESSAGES}/{message['id']}/recipients",
                        json={"criteria": {"person_id": [p["id"] for p in everyone]}}).json()
    assert listed["included"] == 4 and listed["credits_needed"] == 4
    assert {e["reason"]: e["count"] for e in listed["excluded"]} == {"no_mobile": 1}
    preview = {r["person_id"]: r for r in admin.get(f"{MESSAGES}/{message['id']}/preview").json()["items"]}
    assert preview[ada["id"]]["text"] == "Dear Alan, your gas safety check is due. Reply to book."
    assert preview[ada["id"]]["segments"] == 1 and preview[ada["id"]]["to_address"] == "+447700900311"
    assert preview[helped["id"]]["to_name"] == "Cara Carer on behalf of Hal Helped"

    assert admin.patch(f"/api/v1/people/{late['id']}", json={"preferences": ["No text messages"]}).status_code == 200
    sending = admin.post(f"{MESSAGES}/{message['id']}/send")
    assert sending.status_code == 202, sending.text
    done = eventually(lambda: (lambda m: m if m["status"] == "sent" else None)(
        admin.get(f"{MESSAGES}/{message['id']}").json()))
    assert done, done
    assert len(_texts_to(platform, "+447700900311")) == 1 and len(_texts_to(platform, "+447700900314")) == 1
    assert _texts_to(platform, "+447700900313") == []  # opted out after the list was built

    # the provider's signed delivery reports come back through the gateway
    assert eventually(lambda: _outcomes(admin, ada["id"]) == [("texted", "delivered")]), _outcomes(admin, ada["id"])
    assert eventually(lambda: _outcomes(admin, bad["id"]) == [("texted", "illegal_number")]), _outcomes(admin, bad["id"])
    credits = admin.get(CREDITS).json()
    assert credits["balance"] == 10 - 3 and [m["kind"] for m in credits["items"]] == ["refund", "spend", "top_up"]

    # replies: matched by the number texted; STOP opts out, anything else is a record
    assert platform.texts.reply("+447700900311", "STOP", "+447700900301") == 200
    assert eventually(lambda: "No text messages" in admin.get(f"/api/v1/people/{ada['id']}").json()["preferences"])
    assert platform.texts.reply("+447700900314", "Tuesday suits", "+447700900301") == 200
    assert eventually(lambda: ("texted", "replied") in _outcomes(admin, helped["id"])), _outcomes(admin, helped["id"])


def test_forged_reports_short_credits_and_bad_texts_are_refused(platform, operator, landlord, anonymous):
    details, admin = landlord
    forged = anonymous.request("POST", "/api/v1/texts/status", data={"MessageSid": "SMx", "MessageStatus": "delivered"},
                               headers={"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"})
    assert forged.status_code == 403, forged.text
    unsigned = anonymous.request("POST", "/api/v1/texts/replies", data={"From": "+447700900321", "To": "+447700900302",
                                                                        "Body": "STOP"})
    assert unsigned.status_code == 403, unsigned.text
    for bad, field in (({"reply_to_number": "not a number"}, "reply_to_number"), ({"text": ""}, "text"),
                       ({"text": "Hi {{nickname}}"}, "text"), ({"subject": "Hello"}, "subject")):
        answer = admin.post(MESSAGES, json={**_text("07700 900302"), **bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert any(f.startswith(field) for f in errors(answer)), (bad, answer.text)

    people = [add(admin, f"P{i}", "Person", mobile=f"07700 90032{i}") for i in range(3)]
    wait_searchable(admin, *people)
    message = admin.post(MESSAGES, json=_text("07700 900302")).json()
    admin.post(f"{MESSAGES}/{message['id']}/recipients", json={"criteria": {"person_id": [p["id"] for p in people]}})
    _top_up(operator, details["id"], 2)
    short = admin.post(f"{MESSAGES}/{message['id']}/send")
    assert short.status_code == 409 and "credits" in errors(short), short.text
    assert all(_texts_to(platform, f"+44770090032{i}") == [] for i in range(3))
    assert admin.get(f"{MESSAGES}/{message['id']}").json()["status"] == "draft"
    found = admin.get(MESSAGES, params={"channel": "text", "reference": "gas checks", "status": "draft"}).json()
    assert message["id"] in [m["id"] for m in found["items"]] and found["items"][0]["channel"] == "text"
    assert all(m["channel"] == "text" and m["status"] == "draft" for m in found["items"])
    bad = admin.get(MESSAGES, params={"channel": "pigeon", "created_from": "June"})
    assert bad.status_code == 422 and {"channel", "created_from"} <= set(errors(bad)), bad.text
    assert admin.post(f"/api/v1/landlords/{details['id']}/text-credits", json={"credits": 5}).status_code == 403
    assert operator.post("/api/v1/landlords/no-such-landlord/text-credits", json={"credits": 5}).status_code == 404
    assert operator.post(f"/api/v1/landlords/{details['id']}/text-credits", json={"credits": 0}).status_code == 422
