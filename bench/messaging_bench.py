"""Messaging benchmark (issue 16): figures only, printed and written to var/bench/messaging-<when>.json.

    python -m bench.messaging_bench        (or BENCH_ONLY=messaging make bench)

A local-cluster platform as its own processes (bench/run.py's ports, its own index prefix), a new landlord
with TRACKER_BENCH_MESSAGE_PEOPLE (100,000) generated residents imported through the gateway, each with an
email address (the generator leaves children and two adults in five without one: the bench gives those
"resident.<personal ref>@example.org", so the list is 100,000 people an email can reach), of whom
TRACKER_BENCH_MESSAGE_CHANGED (1,000) are then given, through the API, the "No email" preference (half)
or an alternative contact with an email address (half). Then, side by side in one run:
  1. an email's list built from criteria picking every resident (POST /recipients): seconds, and the first
     page of its preview (GET /preview): seconds; together against the goal of 5 s;
  2. sending TRACKER_BENCH_SEND_EMAILS (100,000) of them, from the send POST until the message is sent:
     emails per second through the platform (each person's record read again, one communication record
     each) to the platform's loopback mail catcher, beside the raw smtplib rate (one connection, emails of
     the same size, nothing else) to the same catcher.
The residents live in households (generated addresses), but an email's list does not use them: a post list
per household is not measured here.
"""
from __future__ import annotations

import os
import smtplib
import sys
import time
from email.message import EmailMessage
from pathlib import Path

from bench import harness
from bench.groups_bench import load_people
from bench.reporting_bench import _wait
from bench.search_platform import Http, _token, create_landlord

PEOPLE = int(os.environ.get("TRACKER_BENCH_MESSAGE_PEOPLE", "100000"))
CHANGED = int(os.environ.get("TRACKER_BENCH_MESSAGE_CHANGED", "1000"))
SEND = int(os.environ.get("TRACKER_BENCH_SEND_EMAILS", "100000"))
PREFIX = os.environ.get("TRACKER_BENCH_MESSAGE_INDEX_PREFIX", "benchmessages_")
IDS_A_CALL = 50_000  # people named in one criteria call adding to the send's list
SMTP = ("127.0.0.1", int(os.environ.get("TRACKER_BENCH_SMTP_PORT", "2525")))  # the bench platform's catcher
EMAIL = {"channel": "email", "sender_name": "Bench Homes", "sender_email": "bench@example.org",
         "subject": "Your repairs, {{first_name}}", "greeting": "title_surname", "landlord_contact": "Bench Officer",
         "html": "<p>{{greeting}},</p><p>Tell us how your repairs went: reply to this email.</p>"}


def with_email(row: dict) -> dict:
    """A generated feed row with an email address (its own, else one made from its personal reference)."""
    row["email"] = row["email"] or f"resident.{row['personal_ref'].lower()}@example.org"
    return row


def change_some(api: Http, changed: int) -> int:
    """Half of the first `changed` people opt out of email, half get an alternative contact with an email."""
    page = api.json("POST", "/api/v1/people/search", {"criteria": {}, "page_size": min(changed, 500)})
    ids = [row["id"] for row in page["items"]]
    while len(ids) < changed and len(ids) < page["total"]:
        page = api.json("POST", "/api/v1/people/search", {"criteria": {}, "page_size": 500,
                                                          "page": len(ids) // 500 + 1})
        ids += [row["id"] for row in page["items"]]
    for n, person_id in enumerate(ids[:changed]):
        change = ({"preferences": ["No email"]} if n % 2 else
                  {"alt_contact_name": f"Carer {n}", "alt_contact_email": f"carer{n}@example.org"})
        api.json("PATCH", f"/api/v1/people/{person_id}", change)
    return len(ids[:changed])


def build_and_preview(api: Http) -> dict:
    message = api.json("POST", "/api/v1/messages", EMAIL)
    started = time.perf_counter()
    listed = api.json("POST", f"/api/v1/messages/{message['id']}/recipients",
                      {"criteria": {"status": ["current", "archived"]}})
    built = time.perf_counter() - started
    started = time.perf_counter()
    api.json("GET", f"/api/v1/messages/{message['id']}/preview?page=1&page_size=50")
    previewed = time.perf_counter() - started
    return {"message_id": message["id"], "included": listed["included"],
            "excluded": {e["reason"]: e["count"] for e in listed["excluded"]}, "build_s": round(built, 2),
            "preview_first_page_s": round(previewed, 2), "build_and_preview_s": round(built + previewed, 2)}


def send(api: Http, built: str, emails: int) -> dict:
    """A message to the first `emails` people the built list includes (its preview's order), sent: emails per
    second."""
    message = api.json("POST", "/api/v1/messages", EMAIL)
    ids: list[str] = []
    page = 1
    while len(ids) < emails:
        found = api.json("GET", f"/api/v1/messages/{built}/preview?page={page}&page_size=500")["items"]
        ids += [r["person_id"] for r in found if r["state"] == "included"]
        if len(found) < 500:
            break
        page += 1
    for start in range(0, min(emails, len(ids)), IDS_A_CALL):  # a person_id criterion names at most 65,536
        listed = api.json("POST", f"/api/v1/messages/{message['id']}/recipients",
                          {"criteria": {"person_id": ids[start:min(emails, start + IDS_A_CALL)]}})
    started = time.perf_counter()
    api.json("POST", f"/api/v1/messages/{message['id']}/send", ok=(202,))
    _wait(lambda: api.json("GET", f"/api/v1/messages/{message['id']}")["status"] == "sent", timeout=4 * 3600)
    seconds = time.perf_counter() - started
    done = api.json("GET", f"/api/v1/messages/{message['id']}")
    return {"included": listed["included"], "sent": done["sent"], "failed": done["failed"],
            "seconds": round(seconds, 1), "emails_per_s": round(done["sent"] / seconds, 1)}


def raw_smtplib(emails: int) -> dict:
    """As many emails of the same shape straight to the same catcher over one smtplib connection."""
    started = time.perf_counter()
    with smtplib.SMTP(*SMTP, timeout=30) as connection:
        for n in range(emails):
            mail = EmailMessage()
            mail["From"], mail["To"] = "Bench Homes <bench@example.org>", f"Resident {n} <resident{n}@example.org>"
            mail["Subject"], mail["Message-ID"] = "Your repairs, Resident", f"<raw.{n}@tenant-tracker.invalid>"
            mail["List-Unsubscribe"] = f"<http://127.0.0.1:18180/api/v1/unsubscribe?token={'x' * 100}>"
            mail.set_content("<p>Dear Resident,</p><p>Tell us how your repairs went: reply to this email.</p>",
                             subtype="html")
            connection.send_message(mail)
    seconds = time.perf_counter() - started
    return {"sent": emails, "seconds": round(seconds, 1), "emails_per_s": round(emails / seconds, 1)}


def report(r: dict) -> str:
    b, s, raw = r["list"], r["send"], r["raw_smtplib"]
    return "\n".join([
        f"\nMessaging bench ({r['machine']}): {r['people']:,} residents, {r['changed']:,} changed through the API",
        f"  list of {b['included'] + sum(b['excluded'].values()):,} built in {b['build_s']} s "
        f"({b['included']:,} included, excluded {b['excluded']}); first preview page {b['preview_first_page_s']} s; "
        f"together {b['build_and_preview_s']} s (goal <= 5 s)",
        f"  {s['sent']:,} emails sent through the platform in {s['seconds']} s = {s['emails_per_s']} emails/s "
        f"({s['failed']} failed)",
        f"  raw smtplib to the same catcher: {raw['sent']:,} in {raw['seconds']} s = {raw['emails_per_s']} emails/s; "
        f"platform / raw: {round(s['emails_per_s'] / raw['emails_per_s'], 3)}"])


def main(argv: list[str] | None = None) -> dict:
    when, run_id = harness.started()
    results = {"when": when, "machine": harness.machine(), "people": PEOPLE, "changed": CHANGED}
    with harness.work_folder("messaging", run_id) as work, harness.platform(PREFIX) as (_, base):
        landlord = create_landlord(base, "M", run_id)
        results["import"] = load_people(base, landlord, Path(work), PEOPLE, change=with_email)
        api = Http(base, {"Authorization": f"Bearer {_token(base, landlord['username'], landlord['password'])}"},
                   timeout=600)
        change_some(api, CHANGED)
        results["quiet_after_s"] = harness.wait_quiet()
        results["list"] = build_and_preview(api)
        results["send"] = send(api, results["list"]["message_id"], SEND)
        results["raw_smtplib"] = raw_smtplib(results["send"]["sent"] or SEND)
        api.close()
    print(report(results))
    harness.write_results("messaging", results)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
