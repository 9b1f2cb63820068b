"""`make run-cluster`: every service as its own process against the real engines
on loopback (started by `make infra-up`), the gateway on http://127.0.0.1:8080.
Ctrl-C (or SIGTERM) stops every process gracefully."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.common import local_cluster  # noqa: E402
from services.common.config import Settings, kept_secret  # noqa: E402
from services.common.mailcatcher import MailCatcher  # noqa: E402
from services.common.text_catcher import TextCatcher  # noqa: E402
from services.common.public_paths import REPLIES_PATH  # noqa: E402

SERVICES = ("profiles", "reporting", "import", "households", "groups", "messaging", "referrals", "gateway")  # started in this order


def cluster_env() -> dict[str, str]:
    var = Path(os.environ.get("TRACKER_VAR_DIR", ROOT / "var" / "cluster"))
    var.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **local_cluster.ENV, "TRACKER_VAR_DIR": str(var)}
    env.setdefault("TRACKER_TOKEN_SECRET", kept_secret(var, "token_secret", 48))
    env.setdefault("TRACKER_OPERATOR_PASSWORD", kept_secret(var, "operator_password", 12))
    return env


def wait_ready(url: str, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def main() -> int:
    env = cluster_env()
    settings = Settings.from_env(env)
    mail = MailCatcher.for_settings(settings)  # as in make run, unless TRACKER_MAIL_CATCHER=0
    if mail:
        mail.start()
    email = mail.described() if mail else "sent through " + settings.smtp_url
    texts = TextCatcher.for_settings(settings)  # as in make run, unless TRACKER_TEXT_CATCHER=0
    if texts:
        texts.inbound_url = settings.gateway_public_url + REPLIES_PATH
        texts.start()
    texting = texts.described() if texts else "sent through " + settings.sms_api_url
    python = sys.executable
    for name in SERVICES:
        subprocess.run([python, "-m", f"services.{name}", "migrate"], env=env, cwd=ROOT, check=True)
    processes = {name: subprocess.Popen([python, "-m", f"services.{name}"], env=env, cwd=ROOT) for name in SERVICES}
    stopping = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.append(True))
    port = env.get("TRACKER_GATEWAY_PORT", "8080")
    url = f"http://127.0.0.1:{port}"
    if not wait_ready(url + "/readyz"):
        print(f"run-cluster: the gateway did not become ready at {url}/readyz", file=sys.stderr)
        stopping.append(True)
    else:
        print(f"""
Tenant Tracker is running as one process per service against the real engines.
  gateway    {url}   (pid {processes['gateway'].pid})
  profiles   gRPC 127.0.0.1:{env.get('TRACKER_PROFILES_GRPC_PORT', '50051')}, metrics :{env.get('TRACKER_PROFILES_METRICS_PORT', '9101')}  (pid {processes['profiles'].pid})
  reporting  gRPC 127.0.0.1:{env.get('TRACKER_REPORTING_GRPC_PORT', '50052')}, metrics :{env.get('TRACKER_REPORTING_METRICS_PORT', '9102')}  (pid {processes['reporting'].pid})
  import     gRPC 127.0.0.1:{env.get('TRACKER_IMPORT_GRPC_PORT', '50053')}, metrics :{env.get('TRACKER_IMPORT_METRICS_PORT', '9103')}  (pid {processes['import'].pid})
  households gRPC 127.0.0.1:{env.get('TRACKER_HOUSEHOLDS_GRPC_PORT', '50054')}, metrics :{env.get('TRACKER_HOUSEHOLDS_METRICS_PORT', '9104')}  (pid {processes['households'].pid})
  groups     gRPC 127.0.0.1:{env.get('TRACKER_GROUPS_GRPC_PORT', '50055')}, metrics :{env.get('TRACKER_GROUPS_METRICS_PORT', '9105')}  (pid {processes['groups'].pid})
  messaging  gRPC 127.0.0.1:{env.get('TRACKER_MESSAGING_GRPC_PORT', '50056')}, metrics :{env.get('TRACKER_MESSAGING_METRICS_PORT', '9106')}  (pid {processes['messaging'].pid})
  referrals  gRPC 127.0.0.1:{env.get('TRACKER_REFERRALS_GRPC_PORT', '50057')}, metrics :{env.get('TRACKER_REFERRALS_METRICS_PORT', '9107')}  (pid {processes['referrals'].pid})
  email      {email}
  texts      {texting}
  engines    PostgreSQL 127.0.0.1:{local_cluster.PG_PORT}, Kafka {local_cluster.ENV['TRACKER_KAFKA_BOOTSTRAP']}, Elasticsearch {local_cluster.ENV['TRACKER_ELASTICSEARCH_URL']}
Sign in as username 'operator', password '{env['TRACKER_OPERATOR_PASSWORD']}'. Ctrl-C stops everything.
""", file=sys.stderr, flush=True)
    while not stopping and all(p.poll() is None for p in processes.values()):
        time.sleep(0.2)
    failed = [n for n, p in processes.items() if p.poll() not in (None, 0)]
    for name in reversed(SERVICES):
        if processes[name].poll() is None:
            processes[name].send_signal(signal.SIGTERM)
    for name, process in processes.items():
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
    if mail:
        mail.stop()
    if texts:
        texts.stop()
    if failed:
        print(f"run-cluster: stopped because {', '.join(failed)} exited", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
