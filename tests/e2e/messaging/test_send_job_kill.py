"""Issue 16 with a real kill: exactly one communication record per recipient across a kill and restart of
the send job. The platform runs as one process per service against the real engines (as `make run-cluster`
starts it), on databases, a Kafka namespace and an index prefix of its own, so no other platform's send job
can take its message. An email to 300 people goes through the gateway to a loopback mail server slow enough
that sending takes seconds; the messaging process is killed with SIGKILL mid-send (no graceful stop, nothing
finished) and started again with the same environment (a claim lease of seconds, not the ten minutes a
replica of a live job would be given). Proved: nobody receives the email twice; the batch
being sent when the process died is recorded as sent, "not confirmed", and never sent again; the restarted
job sends to everyone else; every included person has exactly one record; the message's numbers agree.
Synthetic data only (example.org addresses), traffic only on 127.0.0.1."""
from __future__ import annotations

import asyncio
import csv
import io
import os
import signal
import subprocess
import sys
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, text

from services.common import local_cluster
from services.common.config import DEFAULT_GRPC_PORTS
from services.common.mailcatcher import MailCatcher, free_port
from services.messaging.messages.sending import BATCH, NOT_CONFIRMED
from tests.conftest import engines
from tests.e2e.conftest import ApiClient, eventually, new_landlord
from tests.e2e.people_api import add, get_ok, wait_searchable

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "deploy/local"))
from run_cluster import SERVICES, wait_ready  # noqa: E402

pytestmark = pytest.mark.engines

PEOPLE = 300
KILL_AFTER = 60  # emails caught before the messaging process is killed: inside the second batch of 50
PAUSE_S = 0.03  # the mail server's time per email: 300 take about ten seconds
LEASE_S = 3  # the restarted job takes over the killed one's batch once its claim is this old
MESSAGES = "/api/v1/messages"
OPERATOR_PASSWORD = "sturdy-lantern-harbour-42"
EMAIL = {"channel": "email", "description": "Kill and restart", "sender_name": "Northfield Homes",
         "sender_email": "hello@example.org", "subject": "Your repairs, {{first_name}}",
         "html": "<p>{{greeting}},</p><p>Tell us about your repairs.</p>", "landlord_contact": "Sam Officer"}


# -- a slow loopback mail server ----------------------------------------------------------------------------

class _Slowly:
    """The catcher's handler, answering each email `pause` seconds after keeping it (a busy mail server)."""

    def __init__(self, keeper, pause: float):
        self.keeper, self.pause = keeper, pause

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return await self.keeper.handle_RCPT(server, session, envelope, address, rcpt_options)

    async def handle_DATA(self, server, session, envelope):
        answer = await self.keeper.handle_DATA(server, session, envelope)
        await asyncio.sleep(self.pause)
        return answer


class SlowMailCatcher(MailCatcher):
    def __init__(self, directory: Path, pause: float):
        super().__init__(directory)
        self._controller = Controller(_Slowly(self._keeper, pause), hostname=self.host, port=self.port)


def _message_ids(catcher: MailCatcher) -> set[str]:
    return {m["Message-ID"] for m in catcher.received}


def _when_quiet(catcher: MailCatcher) -> set[str]:
    """The emails caught once no more come in (the killed process's last one may still be being read)."""
    seen = []

    def quiet() -> bool:
        seen.append(len(catcher.received))
        return len(seen) > 1 and seen[-1] == seen[-2]
    assert eventually(quiet, timeout=10, interval=10 * PAUSE_S), "the mail server never fell quiet"
    return _message_ids(catcher)


# -- the platform as its own processes, on scratch databases, topics and indexes ------------------------------

def _databases(run: str) -> list[str]:
    return [f"tt_{run}_{name}" for name in SERVICES]


def _create_databases(run: str) -> None:
    """As deploy/local/infra.sh provisions tracker_<service>: owned by the migrations' role, used by the app's."""
    admin = create_engine(local_cluster.PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    for database in _databases(run):
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}" OWNER tracker_owner'))
            conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO tracker_app'))
        inside = create_engine(local_cluster.PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}",
                               isolation_level="AUTOCOMMIT")
        with inside.connect() as conn:
            for statement in ("ALTER SCHEMA public OWNER TO tracker_owner", "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                              "GRANT USAGE ON SCHEMA public TO tracker_app",
                              "ALTER DEFAULT PRIVILEGES FOR ROLE tracker_owner IN SCHEMA public "
                              "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tracker_app",
                              "ALTER DEFAULT PRIVILEGES FOR ROLE tracker_owner IN SCHEMA public "
                              "GRANT USAGE, SELECT ON SEQUENCES TO tracker_app"):
                conn.execute(text(statement))
        inside.dispose()
    admin.dispose()


def _drop_scratch(run: str, namespace: str, prefix: str) -> None:
    """The run's databases, Kafka topics and search indexes, gone."""
    from confluent_kafka.admin import AdminClient
    admin = create_engine(local_cluster.PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for database in _databases(run):
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    admin.dispose()
    kafka = AdminClient({"bootstrap.servers": local_cluster.ENV["TRACKER_KAFKA_BOOTSTRAP"]})
    topics = [t for t in kafka.list_topics(timeout=10).topics if t.startswith(namespace)]
    for done in (kafka.delete_topics(topics) if topics else {}).values():
        done.result(timeout=30)
    es = local_cluster.ENV["TRACKER_ELASTICSEARCH_URL"]
    for index in requests.get(f"{es}/_cat/indices/{prefix}*", params={"format": "json"}, timeout=10).json():
        requests.delete(f"{es}/{index['index']}", timeout=30)


def _inherited_env() -> dict[str, str]:
    """This process's environment less any platform setting (the run gives its own), but a moved calendar."""
    return {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_") or k == "TRACKER_CLOCK_OFFSET_DAYS"}


def _cluster_env(run: str, smtp_url: str, var: Path) -> dict[str, str]:
    ports = {f"TRACKER_{name.upper()}_{kind}_PORT": str(free_port())
             for name in DEFAULT_GRPC_PORTS for kind in ("GRPC", "METRICS")}
    own_databases = {key: value.replace("/tracker_{service}", f"/tt_{run}_{{service}}")
                     for key, value in local_cluster.ENV.items() if "DATABASE_URL" in key}
    return {**_inherited_env(), **local_cluster.ENV, **own_databases, **ports,
            "TRACKER_GATEWAY_PORT": str(free_port()), "TRACKER_KAFKA_NAMESPACE": f"tt-{run}.",
            "TRACKER_SEARCH_INDEX_PREFIX": f"tt-{run}-", "TRACKER_SMTP_URL": smtp_url, "TRACKER_VAR_DIR": str(var),
            "TRACKER_OPERATOR_PASSWORD": OPERATOR_PASSWORD, "TRACKER_TOKEN_SECRET": "t" * 48,
            "TRACKER_LOG_LEVEL": "WARNING", "TRACKER_SEND_CLAIM_LEASE_SECONDS": str(LEASE_S)}


class ServiceProcesses:
    """Each service as its own OS process (`python -m services.<name>`), as `make run-cluster` starts them;
    each one's output goes to <logs>/<name>.log."""

    def __init__(self, env: dict[str, str], logs: Path):
        self.env, self.logs, self.running = env, logs, {}
        self.url = f"http://127.0.0.1:{env['TRACKER_GATEWAY_PORT']}"  # the gateway

    def _spawn(self, name: str, *command: str) -> subprocess.Popen:
        with open(self.logs / f"{name}.log", "ab") as log:  # the child keeps its own copy of the descriptor
            return subprocess.Popen([sys.executable, "-m", f"services.{name}", *command], env=self.env, cwd=ROOT,
                                    stdout=log, stderr=subprocess.STDOUT)

    def migrate(self) -> None:
        migrating = {name: self._spawn(name, "migrate") for name in SERVICES}
        failed = [name for name, process in migrating.items() if process.wait(120) != 0]
        assert not failed, f"migrations failed: {failed} (see {self.logs})"

    def start(self, *names: str) -> None:
        for name in names or SERVICES:
            self.running[name] = self._spawn(name)

    def kill(self, name: str) -> None:
        """SIGKILL: the process ends at once, with no graceful stop and nothing of its own run on the way out."""
        process = self.running.pop(name)
        process.send_signal(signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL

    def stop(self) -> None:
        for name in reversed(SERVICES):
            if name in self.running and self.running[name].poll() is None:
                self.running[name].send_signal(signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        self.running.clear()


@pytest.fixture(scope="module")
def catcher(tmp_path_factory):
    running = SlowMailCatcher(tmp_path_factory.mktemp("mail"), PAUSE_S).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def cluster(catcher, tmp_path_factory):
    """The platform, one process per service, on its own databases, Kafka namespace and index prefix."""
    engines()
    run = uuid.uuid4().hex[:8]
    env = _cluster_env(run, catcher.url, tmp_path_factory.mktemp("var"))
    processes = ServiceProcesses(env, tmp_path_factory.mktemp("logs"))
    try:
        _create_databases(run)
        processes.migrate()
        processes.start()
        assert wait_ready(processes.url + "/readyz", timeout=90), f"the platform never became ready ({processes.logs})"
        yield processes
    finally:
        processes.stop()
        _drop_scratch(run, env["TRACKER_KAFKA_NAMESPACE"], env["TRACKER_SEARCH_INDEX_PREFIX"])


# -- through the gateway, as a front end would ----------------------------------------------------------------

def _residents(admin: ApiClient) -> list[dict]:
    def one(n: int) -> dict:
        return add(admin, "Resident", f"{n:03d}", email=f"resident.{n:03d}@example.org")
    with ThreadPoolExecutor(8) as pool:
        people = list(pool.map(one, range(1, PEOPLE + 1)))
    wait_searchable(admin, *people)
    return people


def _csv(admin: ApiClient, path: str, **params) -> list[dict]:
    answer = admin.get(path, params={**params, "format": "csv"})
    assert answer.status_code == 200, answer.text
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))


def _sent(admin: ApiClient, message_id: str) -> dict | None:
    """The message once it is sent; None before, and while the gateway's channel to the restarted messaging
    service is still reconnecting (503: /readyz checks on a fresh channel, so it can say ready a moment earlier)."""
    answer = admin.get(f"{MESSAGES}/{message_id}")
    if answer.status_code == 503:
        return None
    assert answer.status_code == 200, answer.text
    return answer.json() if answer.json()["status"] == "sent" else None


def test_a_killed_send_job_restarts_without_sending_twice_and_leaves_one_record_each(cluster, catcher):
    _, admin = new_landlord(ApiClient(cluster.url).sign_in("operator", OPERATOR_PASSWORD))
    people = _residents(admin)
    ref_of = {p["email"]: p["personal_ref"] for p in people}
    message = admin.post(MESSAGES, json=EMAIL).json()
    listed = admin.post(f"{MESSAGES}/{message['id']}/recipients", json={"criteria": {"person_id": [p["id"] for p in people]}})
    assert listed.status_code == 200 and listed.json()["included"] == PEOPLE, listed.text

    sending = admin.post(f"{MESSAGES}/{message['id']}/send")
    assert sending.status_code == 202, sending.text
    assert eventually(lambda: len(catcher.received) >= KILL_AFTER, timeout=60, interval=0.005), "nothing was sent"
    cluster.kill("messaging")
    before = _when_quiet(catcher)
    assert KILL_AFTER <= len(before) < PEOPLE - BATCH, f"{len(before)} caught by the kill: not mid-send"
    assert admin.get(f"{MESSAGES}/{message['id']}").status_code == 503  # messaging is down: the gateway says so

    cluster.start("messaging")
    assert wait_ready(cluster.url + "/readyz", timeout=60), f"messaging never came back ({cluster.logs})"
    done = eventually(lambda: _sent(admin, message["id"]), timeout=60, interval=0.2)
    assert done, f"the restarted send job never finished ({cluster.logs})"

    caught = catcher.received
    twice = [(k, n) for k, n in Counter(m["Message-ID"] for m in caught).items() if n > 1]
    assert not twice, f"sent twice: {twice}"
    addressed = Counter(m["To"].addresses[0].addr_spec for m in caught)
    assert max(addressed.values()) == 1 and set(addressed) <= set(ref_of), addressed.most_common(3)
    after = {ref_of[m["To"].addresses[0].addr_spec] for m in caught if m["Message-ID"] not in before}
    assert after, "the restarted send job sent nothing"

    records = _csv(admin, "/api/v1/communication-report/file", what="records", message_id=message["id"])
    per_person = Counter(r["Personal reference"] for r in records)
    assert set(per_person) == set(ref_of.values()) and set(per_person.values()) == {1}, per_person.most_common(3)
    not_confirmed = {r["Personal reference"] for r in records if NOT_CONFIRMED in r["Notes"]}
    assert 0 < len(not_confirmed) <= BATCH, "the kill should leave (at most) the batch being sent claimed"
    received = {ref_of[address] for address in addressed}
    assert received | not_confirmed == set(ref_of.values())  # everyone received it, or is recorded not confirmed
    assert len(received - not_confirmed) + len(not_confirmed) == PEOPLE
    assert not after & not_confirmed, "a recipient recorded 'not confirmed' was sent the email again"
    assert {(r["Communication"], r["Outcome"]) for r in records} == {("Emailed", "Sent")}

    assert (done["included"], done["sent"], done["waiting"]) == (PEOPLE, PEOPLE, 0), done
    assert get_ok(admin, f"{MESSAGES}/{message['id']}/report")["total"] == PEOPLE
    log = _csv(admin, f"{MESSAGES}/{message['id']}/log")
    assert len(log) == PEOPLE and {(r["State"], r["Outcome"]) for r in log} == {("sent", "Sent")}
    stranded = min(not_confirmed - received or not_confirmed)  # claimed when the process died (never sent, if any)
    person_id = next(p["id"] for p in people if p["personal_ref"] == stranded)
    tab = get_ok(admin, f"/api/v1/people/{person_id}/communications")
    assert [(c["message_id"], NOT_CONFIRMED in c["notes"]) for c in tab["items"]] == [(message["id"], True)]
