"""Sending a text message on embedded storage with a fake profiles, through the loopback text provider
(Twilio's wire protocol): the list says who cannot get a text and why, alternative contacts get it on the
person's behalf, credits are taken before anything goes out (a send that would overdraw is refused whole)
and what was not sent comes back; each recipient sent to gets one 'Texted' record whose outcome the
provider's signed delivery report sets; replies are matched by number: STOP opts out, anything else is an
inbound record; forged reports and replies change nothing. Synthetic people and numbers only."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from services.common.errors import InUse, PermissionDenied
from services.common.text_catcher import TextCatcher
from services.common.public_paths import REPLIES_PATH, STATUS_PATH
from services.common.twilio_signature import signature
from services.messaging import tables
from services.messaging.credits import service as credits
from services.messaging.messages import incoming, service as messages
from services.messaging.messages.sending import SendJob
from services.messaging.messages.smtp import SmtpMailer, SmtpServer
from services.messaging.messages.texts import TwilioTexts

ACCOUNT, TOKEN, PUBLIC = "ACtexts", "text-token", "http://127.0.0.1:9"
OURS = "+447700900001"
TEXT = {"channel": "text", "description": "Gas checks", "sender_name": "Northfield Homes",
        "reply_to_number": "07700 900001", "text": "{{greeting}}, your gas safety check is due.",
        "greeting": "first_name", "landlord_contact": "Sam Officer"}


@pytest.fixture
def provider(tmp_path):
    running = TextCatcher(tmp_path / "texts", ACCOUNT, TOKEN).start()
    yield running
    running.stop()


def _job(messaging, book, provider, **texts) -> SendJob:
    return SendJob(messaging.runtime, book, SmtpMailer(SmtpServer.from_url("smtp://127.0.0.1:9")),
                   TwilioTexts(provider.url, ACCOUNT, TOKEN, **texts), lambda: PUBLIC, "a-signing-secret")


def _draft(messaging, landlord, book, person_ids) -> str:
    with messaging.runtime.uow(landlord) as uow:
        message = messages.create(uow, user_id="U1", fields=TEXT)
    messages.add_recipients(lambda: messaging.runtime.uow(landlord), book, message_id=message.message_id,
                            criteria={"person_id": person_ids})
    return message.message_id


def _top_up(messaging, landlord, credits_bought: int) -> None:
    with messaging.runtime.uow(landlord) as uow:
        credits.top_up(uow, credits=credits_bought, note="PO 1", user_id="operator")


def _send(messaging, landlord, message_id, job) -> None:
    with messaging.runtime.uow(landlord) as uow:
        messages.send(uow, message_id=message_id, user_id="U1")
    job.work_once()


def _summary(messaging, landlord, message_id) -> dict:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return messages.summary(uow, messages.get(uow, message_id))


def _balance(messaging, landlord) -> dict:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return credits.balance(uow)


def _all_records(messaging, landlord) -> list:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return uow.session.execute(select(tables.communication_records)
                                   .where(tables.communication_records.c.landlord_id == landlord)).mappings().all()


def _records(messaging, landlord) -> dict:
    """Each person's record (one each)."""
    return {r["person_id"]: r for r in _all_records(messaging, landlord)}


def _signed(path: str, params: dict, token: str = TOKEN) -> dict:
    return {"params": params, "signature": signature(token, PUBLIC + path, params)}


def test_the_list_says_who_cannot_get_a_text_and_contacts_receive_on_behalf(messaging, book, landlord):
    ada = book.add("Alan", "Adams", mobile="07700 900123")
    land = book.add("Lin", "Landline", mobile="0113 496 0000")
    quiet = book.add("Quin", "Quiet", mobile="07700 900124", opted_out=True)
    helped = book.add("Hal", "Helped", contact_name="Cara Carer", contact_phone="+44 7700 900555")
    stuck = book.add("Sol", "Stuck", mobile="07700 900126", contact_name="Paul Post")
    message_id = _draft(messaging, landlord, book, [ada, land, quiet, helped, stuck])

    found = _summary(messaging, landlord, message_id)
    assert found["included"] == 2 and found["credits_needed"] == 2
    assert {reason: (label, n) for reason, label, n in found["excluded"]} == {
        "opted_out": ("Opted out of texts", 1), "no_mobile": ("No valid UK mobile number", 1),
        "contact_no_mobile": ("The alternative contact has no valid UK mobile number", 1)}
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        _, _, page = messages.preview(uow, message_id=message_id, page=1, page_size=50)
    shown = {r.person_id: (r.to_address, r.to_name, rendered) for r, rendered in page}
    assert shown[ada] == ("+447700900123", "Alan Adams", ("", "Dear Alan, your gas safety check is due."))
    assert shown[helped][:2] == ("+447700900555", "Cara Carer on behalf of Hal Helped")
    assert shown[land][2] is None


def test_a_send_the_credits_cannot_cover_is_refused_before_anything_goes_out(messaging, book, landlord, provider):
    people = [book.add(f"P{i}", "Person", mobile=f"07700 90020{i}") for i in range(3)]
    message_id = _draft(messaging, landlord, book, people)
    _top_up(messaging, landlord, 2)
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InUse) as refused:
            messages.send(uow, message_id=message_id, user_id="U1")
    assert [p.field for p in refused.value.fields] == ["credits"] and "need 3" in refused.value.fields[0].reason
    assert _summary(messaging, landlord, message_id)["message"].status == "draft"
    assert provider.received == [] and _balance(messaging, landlord)["balance"] == 2


def test_texts_go_once_each_with_one_record_and_unsent_credits_come_back(messaging, book, landlord, provider):
    ada = book.add("Alan", "Adams", mobile="07700 900123")
    bea = book.add("Bea", "Brown", mobile="07700 900124")
    late = book.add("Lee", "Late", mobile="07700 900125")
    helped = book.add("Hal", "Helped", contact_name="Cara Carer", contact_phone="07700 900555")
    message_id = _draft(messaging, landlord, book, [ada, bea, late, helped])
    book.change(late, opted_out=True)  # opted out after the list was built
    _top_up(messaging, landlord, 10)
    job = _job(messaging, book, provider)
    _send(messaging, landlord, message_id, job)
    job.work_once()  # a second pass sends nothing more

    texts = {t["to"]: t for t in provider.received}
    assert sorted(texts) == ["+447700900123", "+447700900124", "+447700900555"]
    assert texts["+447700900123"]["body"] == "Dear Alan, your gas safety check is due."
    assert texts["+447700900555"]["body"].startswith("Dear Cara Carer,")
    assert {t["from"] for t in provider.received} == {OURS}
    assert {t["status_callback"] for t in provider.received} == {PUBLIC + STATUS_PATH}
    records = _records(messaging, landlord)
    assert sorted(records) == sorted([ada, bea, helped])
    assert {(r["communication_code"], r["outcome_code"]) for r in records.values()} == {("texted", "sent")}
    found = _summary(messaging, landlord, message_id)
    assert found["message"].status == "sent" and found["sent"] == 3
    left = _balance(messaging, landlord)
    assert left["balance"] == 10 - 3  # 4 taken at send, 1 back for the person who opted out since
    assert [(m.kind, m.credits) for m in left["movements"]] == [("refund", 1), ("spend", -4), ("top_up", 10)]


def test_a_provider_that_keeps_failing_fails_the_text_and_gives_its_credit_back(messaging, book, landlord, provider):
    ada = book.add("Alan", "Adams", mobile="07700 900123")
    message_id = _draft(messaging, landlord, book, [ada])
    _top_up(messaging, landlord, 5)
    provider.refuse(503, times=3)
    _send(messaging, landlord, message_id, _job(messaging, book, provider, attempts=3, backoff_s=0.01))
    assert provider.received == []
    assert _records(messaging, landlord)[ada]["outcome_code"] == "failed"
    assert _summary(messaging, landlord, message_id)["failed"] == 1
    assert _balance(messaging, landlord)["balance"] == 5


def _texted_two(messaging, book, landlord, provider) -> tuple[str, str, str]:
    """Alan and Bea, each sent a text: (Alan's id, Bea's, the message's)."""
    ada = book.add("Alan", "Adams", mobile="07700 900123")
    bea = book.add("Bea", "Brown", mobile="07700 900124")
    message_id = _draft(messaging, landlord, book, [ada, bea])
    _top_up(messaging, landlord, 5)
    _send(messaging, landlord, message_id, _job(messaging, book, provider))
    return ada, bea, message_id


def test_delivery_reports_set_the_outcome_and_forged_ones_change_nothing(messaging, book, landlord, provider):
    ada, bea, message_id = _texted_two(messaging, book, landlord, provider)
    sid = {t["to"]: t["sid"] for t in provider.received}
    uow_for = messaging.runtime.uow

    forged = _signed(STATUS_PATH, {"MessageSid": sid["+447700900123"], "MessageStatus": "delivered"}, token="guess")
    with pytest.raises(PermissionDenied):
        incoming.delivery_report(uow_for, token=TOKEN, url=PUBLIC + STATUS_PATH, **forged)
    assert _records(messaging, landlord)[ada]["outcome_code"] == "sent"

    done = incoming.delivery_report(uow_for, token=TOKEN, url=PUBLIC + STATUS_PATH, **_signed(
        STATUS_PATH, {"MessageSid": sid["+447700900123"], "MessageStatus": "delivered"}))
    failed = incoming.delivery_report(uow_for, token=TOKEN, url=PUBLIC + STATUS_PATH, **_signed(
        STATUS_PATH, {"MessageSid": sid["+447700900124"], "MessageStatus": "undelivered", "ErrorCode": "30006"}))
    unknown = incoming.delivery_report(uow_for, token=TOKEN, url=PUBLIC + STATUS_PATH, **_signed(
        STATUS_PATH, {"MessageSid": "SMnotours", "MessageStatus": "delivered"}))
    assert (done, failed, unknown) == ("delivered", "illegal_number", "")
    records = _records(messaging, landlord)
    assert (records[ada]["outcome_code"], records[bea]["outcome_code"]) == ("delivered", "illegal_number")
    assert records[ada]["version"] == 2
    found = _summary(messaging, landlord, message_id)
    assert (found["delivered"], found["failed"], found["sent"]) == (1, 1, 0)


def test_replies_are_matched_by_number_stop_opts_out_and_others_are_recorded(messaging, book, landlord, provider):
    ada, bea, message_id = _texted_two(messaging, book, landlord, provider)
    uow_for, url = messaging.runtime.uow, PUBLIC + REPLIES_PATH

    def reply(sender: str, body: str, token: str = TOKEN) -> str:
        return incoming.reply(uow_for, book, token=TOKEN, url=url,
                              **_signed(REPLIES_PATH, {"From": sender, "To": OURS, "Body": body}, token))

    with pytest.raises(PermissionDenied):
        reply("+447700900123", "STOP", token="guess")
    assert book.opted_out == []
    assert reply("+447700900123", " stop ") == "opted_out"
    assert book.opted_out == [(ada, "text")]
    assert reply("+447700900124", "Tuesday morning suits me") == "recorded"
    assert reply("+447700900999", "Who is this?") == ""  # a number this platform never texted
    records = [r for r in _all_records(messaging, landlord) if r["outcome_code"] == "replied"]
    assert [(r["person_id"], r["communication_code"], r["message_id"]) for r in records] == [(bea, "texted", message_id)]
    assert records[0]["notes"] == "Reply from +447700900124: Tuesday morning suits me"
