"""Sending an email message on embedded storage with a fake profiles, to a real SMTP server on loopback
(aiosmtpd): the list says who is excluded and why, alternative contacts get the email on the person's
behalf, only included people receive anything (a preference changed after the list was built counts),
every recipient sent to gets exactly one communication record (also across a send job cut short), and a
permanent refusal is a bounce. Synthetic people only."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from services.common.errors import InUse, InvalidInput, PermissionDenied
from services.common.mailcatcher import MailCatcher
from services.messaging import tables
from services.messaging.messages import incoming, service as messages
from services.messaging.messages.sending import CLAIM_LEASE, SendJob
from services.messaging.messages.smtp import SmtpMailer, SmtpServer
from services.messaging.messages.texts import TwilioTexts

BOUNCING = "gone@example.org"
SECRET = "a-signing-secret-for-the-tests-only"
EMAIL = {"channel": "email", "description": "Repairs survey", "sender_name": "Northfield Homes",
         "sender_email": "hello@example.org", "subject": "Your repairs, {{first_name}}",
         "html": "<p>{{greeting}},</p><p>Tell us about your repairs.</p><script>alert(1)</script>",
         "greeting": "title_surname", "landlord_contact": "Sam Officer", "notes": "Autumn round"}


def _to(catcher: MailCatcher) -> list[str]:
    return sorted(m["To"].addresses[0].addr_spec for m in catcher.received)


@pytest.fixture
def catcher(tmp_path):
    running = MailCatcher(tmp_path / "mail", refuse=frozenset({BOUNCING})).start()
    yield running
    running.stop()




def _draft(messaging, landlord, book, person_ids, **changes) -> str:
    with messaging.runtime.uow(landlord) as uow:
        message = messages.create(uow, user_id="U1", fields={**EMAIL, **changes})
    messages.add_recipients(lambda: messaging.runtime.uow(landlord), book, message_id=message.message_id,
                            criteria={"person_id": person_ids})
    return message.message_id


def _summary(messaging, landlord, message_id) -> dict:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return messages.summary(uow, messages.get(uow, message_id))


def _job(messaging, book, catcher) -> SendJob:
    no_texts = TwilioTexts("http://127.0.0.1:9", "ACnone", "none")  # emails only: never called
    return SendJob(messaging.runtime, book, SmtpMailer(SmtpServer.from_url(catcher.url)), no_texts,
                   lambda: "https://tracker.example.org", SECRET)


def _send(messaging, landlord, message_id, job: SendJob) -> None:
    with messaging.runtime.uow(landlord) as uow:
        messages.send(uow, message_id=message_id, user_id="U1")
    job.work_once()


def _records(messaging, landlord) -> list:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return uow.session.execute(select(tables.communication_records)
                                   .where(tables.communication_records.c.landlord_id == landlord)).mappings().all()


def test_the_list_says_who_is_excluded_and_why_and_contacts_receive_on_behalf(messaging, book, landlord, catcher):
    ada = book.add("Alan", "Adams", title="Mr", email_address="alan.adams@example.org")
    gone = book.add("Gwen", "Gone", email_address="gwen@example.org", status="archived")
    quiet = book.add("Quin", "Quiet", email_address="quin@example.org", opted_out=True)
    no_mail = book.add("Nia", "Nomail")
    helped = book.add("Hal", "Helped", email_address="hal@example.org", contact_name="Cara Carer",
                      contact_email="cara.carer@example.org")
    stuck = book.add("Sol", "Stuck", email_address="sol@example.org", contact_name="Paul Post")
    message_id = _draft(messaging, landlord, book, [ada, gone, quiet, no_mail, helped, stuck])

    found = _summary(messaging, landlord, message_id)
    assert found["included"] == 2
    assert {reason: n for reason, _, n in found["excluded"]} == {
        "archived": 1, "opted_out": 1, "no_email": 1, "contact_no_email": 1}
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        _, total, page = messages.preview(uow, message_id=message_id, page=1, page_size=50)
    assert total == 6
    shown = {r.person_id: (r.to_name, rendered) for r, rendered in page}
    assert shown[ada][0] == "Alan Adams"
    assert shown[ada][1][0] == "Your repairs, Alan" and "<p>Dear Mr Adams,</p>" in shown[ada][1][1]
    assert "<script>" not in shown[ada][1][1] and "alert" not in shown[ada][1][1]
    assert shown[helped][0] == "Cara Carer on behalf of Hal Helped" and "Dear Cara Carer" in shown[helped][1][1]
    assert shown[quiet][1] is None


def test_only_included_people_receive_it_once_each_and_each_gets_one_record(messaging, book, landlord, catcher):
    ada = book.add("Alan", "Adams", title="Mr", email_address="alan.adams@example.org")
    bea = book.add("Bea", "Brown", email_address="bea.brown@example.org")
    late = book.add("Lee", "Late", email_address="lee.late@example.org")
    helped = book.add("Hal", "Helped", contact_name="Cara Carer", contact_email="cara.carer@example.org")
    no_mail = book.add("Nia", "Nomail")
    message_id = _draft(messaging, landlord, book, [ada, bea, late, helped, no_mail])
    book.change(late, opted_out=True)  # opted out after the list was built

    job = _job(messaging, book, catcher)
    _send(messaging, landlord, message_id, job)
    job.work_once()  # a second pass sends nothing more

    assert _to(catcher) == ["alan.adams@example.org", "bea.brown@example.org", "cara.carer@example.org"]
    sent = {m["To"].addresses[0].addr_spec: m for m in catcher.received}
    assert sent["alan.adams@example.org"]["From"].addresses[0].addr_spec == "hello@example.org"
    assert "Dear Mr Adams" in sent["alan.adams@example.org"].get_content()
    # one-click unsubscribe (RFC 8058): a link signed for this recipient, which opts them out of email
    assert sent["alan.adams@example.org"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = sent["alan.adams@example.org"]["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://tracker.example.org/api/v1/unsubscribe?token=")
    assert incoming.unsubscribed(book, secret=SECRET, link=link.split("token=")[1]) == "email"
    assert book.opted_out == [(ada, "email")]
    with pytest.raises(PermissionDenied):
        incoming.unsubscribed(book, secret="another-secret", link=link.split("token=")[1])
    records = _records(messaging, landlord)
    assert sorted(r["person_id"] for r in records) == sorted([ada, bea, helped])
    assert {(r["communication_code"], r["outcome_code"], r["message_id"]) for r in records} == {
        ("emailed", "sent", message_id)}
    found = _summary(messaging, landlord, message_id)
    assert found["message"].status == "sent" and found["sent"] == 3 and found["waiting"] == 0
    assert {reason: n for reason, _, n in found["excluded"]} == {"opted_out": 1, "no_email": 1}


def test_a_send_cut_short_never_sends_twice_and_makes_one_record_each(messaging, book, landlord, catcher):
    people = [book.add(f"P{i}", "Person", email_address=f"p{i}@example.org") for i in range(3)]
    message_id = _draft(messaging, landlord, book, people)
    job = _job(messaging, book, catcher)
    with messaging.runtime.uow(landlord) as uow:
        messages.send(uow, message_id=message_id, user_id="U1")
    job._claim(landlord, message_id)  # the batch is claimed, then the process stops before any email goes

    restarted = _job(messaging, book, catcher)
    restarted.work_once()  # the claim is younger than the lease: it may be a live replica's batch in flight
    assert catcher.received == [] and _records(messaging, landlord) == []
    assert _summary(messaging, landlord, message_id)["message"].status == "sending"
    messaging.runtime.clock.move(CLAIM_LEASE + dt.timedelta(seconds=1))
    restarted.work_once()  # now it is taken over: recorded, not sent

    assert catcher.received == []  # claimed ones are never sent again
    records = _records(messaging, landlord)
    assert sorted(r["person_id"] for r in records) == sorted(people)
    assert all("not sent again" in r["notes"] for r in records)
    assert _summary(messaging, landlord, message_id)["message"].status == "sent"


def test_a_permanent_refusal_is_a_bounce(messaging, book, landlord, catcher):
    ok = book.add("Ola", "Okay", email_address="ola@example.org")
    gone = book.add("Gil", "Gone", email_address=BOUNCING)
    message_id = _draft(messaging, landlord, book, [ok, gone])
    _send(messaging, landlord, message_id, _job(messaging, book, catcher))
    outcomes = {r["person_id"]: r["outcome_code"] for r in _records(messaging, landlord)}
    assert outcomes == {ok: "sent", gone: "delivered_wrong_address"}
    found = _summary(messaging, landlord, message_id)
    assert (found["sent"], found["bounced"]) == (1, 1)


@pytest.mark.parametrize("changes,field", [
    ({"sender_email": "not an address"}, "sender_email"),
    ({"reply_to": "a@@example.org"}, "reply_to"),
    ({"html": "<p>{{shoe_size}}</p>"}, "html"),
    ({"subject": "Hello {{nickname}}"}, "subject"),
    ({"subject": ""}, "subject"),
    ({"channel": "pigeon"}, "channel"),
    ({"greeting": "yo"}, "greeting"),
])
def test_bad_messages_are_refused_naming_the_field(messaging, landlord, changes, field):
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput) as refused:
            messages.create(uow, user_id="U1", fields={**EMAIL, **changes})
    assert field in {p.field for p in refused.value.fields}


def test_a_list_with_no_one_to_send_to_is_refused(messaging, book, landlord):
    quiet = book.add("Quin", "Quiet", email_address="quin@example.org", opted_out=True)
    message_id = _draft(messaging, landlord, book, [quiet])
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InUse) as refused:
            messages.send(uow, message_id=message_id, user_id="U1")
    assert [p.field for p in refused.value.fields] == ["recipients"]
