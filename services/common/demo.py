"""`make run`'s demo landlord: on the first start (TRACKER_DEMO on, the default) the
platform operator creates "Demo Homes" with a site administrator, who uploads a feed of
3,000 synthetic residents (services/common/sample_residents.py, fixed seed) through the
gateway's own `POST /api/v1/imports`, as a housing officer would. The sign-in is kept in
`<var>/demo.json` (mode 0600) and shown on every later start; nothing is created twice.

Everything goes over HTTP to the platform's own gateway on loopback. A failure is logged
(why, never personal data) and the platform keeps running; an import that did not finish
(or failed) is taken up again on the next start.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import secrets
import threading
import time
import urllib.parse
from datetime import date
from pathlib import Path
from typing import Any, Callable

import requests

from .config import Settings
from .sample_residents import FEED_COLUMNS, feed_rows

log = logging.getLogger(__name__)

LANDLORD = "Demo Homes"
USERNAME = "demo.admin"
ADMIN_NAME = "Dana Demo"
PEOPLE = 3000
SEED = 20261123
LANDLORD_CODE = "DH"
MARKER = "demo.json"
WAIT_SECONDS = 120.0
FINISHED = ("completed", "failed")


class DemoError(Exception):
    """Why the demo could not be set up (no personal data)."""


# -- the marker ---------------------------------------------------------------------------------------

def marker_path(var_dir: Path) -> Path:
    return Path(var_dir) / MARKER


def read_marker(var_dir: Path) -> dict[str, Any] | None:
    path = marker_path(var_dir)
    try:
        marker = json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise DemoError(f"{path} cannot be read ({error.__class__.__name__}): remove it to start the demo afresh")
    if not isinstance(marker, dict) or not marker.get("username") or not marker.get("password"):
        raise DemoError(f"{path} holds no demo sign-in: remove it to start the demo afresh")
    return marker


def write_marker(var_dir: Path, marker: dict[str, Any]) -> None:
    """Written whole (a temporary file renamed over the old one), readable by its owner only."""
    path = marker_path(var_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(marker, f, indent=2)
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)


def new_marker(username: str = USERNAME, landlord: str = LANDLORD) -> dict[str, Any]:
    return {"landlord": landlord, "landlord_id": None, "username": username,
            "password": f"demo-{secrets.token_urlsafe(12)}", "created": False, "loaded": False, "run_id": None,
            "counts": {}}


# -- the feed -----------------------------------------------------------------------------------------

def feed_csv(people: int = PEOPLE, seed: int = SEED, *, today: date) -> bytes:
    """The demo's residents as a feed v1 CSV file (UTF-8), labelled as a new landlord's option lists are,
    aged as of `today` (the platform's clock), so their ages and age bands read the same on any date."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(FEED_COLUMNS)
    for row in feed_rows(people, seed=seed, landlord_code=LANDLORD_CODE, today=today):
        writer.writerow([row[c] for c in FEED_COLUMNS])
    return text.getvalue().encode("utf-8")


# -- HTTP to the platform's own gateway ---------------------------------------------------------------

class Gateway:
    def __init__(self, base: str, timeout: float = 60):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.http.trust_env = False  # loopback only: no proxy from the environment

    def call(self, method: str, path: str, token: str | None = None, ok: tuple[int, ...] = (200, 201, 202),
             **kwargs) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = self.http.request(method, self.base + path, headers=headers, timeout=self.timeout, **kwargs)
        try:
            body = answer.json()
        except ValueError:
            body = None
        if answer.status_code not in ok:
            error = (body or {}).get("error", {}) if isinstance(body, dict) else {}
            raise DemoError(f"{method} {path} answered {answer.status_code}: "
                            f"{error.get('message') or answer.reason}")
        return answer.status_code, body

    def token(self, username: str, password: str) -> str:
        return self.call("POST", "/api/v1/auth/token", json={"username": username, "password": password},
                         ok=(200,))[1]["access_token"]

    def close(self) -> None:
        self.http.close()


def _create(gateway: Gateway, marker: dict, operator_password: str) -> None:
    operator = gateway.token("operator", operator_password)
    try:
        _, landlord = gateway.call("POST", "/api/v1/landlords", operator, ok=(201,), json={
            "name": marker["landlord"], "admin": {"username": marker["username"], "password": marker["password"],
                                                  "name": ADMIN_NAME}})
        marker["landlord_id"] = landlord["id"]
    except DemoError as error:
        if " 409:" not in str(error):
            raise
        try:  # created by an earlier start that stopped before noting it
            gateway.token(marker["username"], marker["password"])
        except DemoError:
            raise DemoError(f"the username {marker['username']} is taken by a user this demo did not create: "
                            "start with an empty var directory, or TRACKER_DEMO=0") from None
    marker["created"] = True


def _upload(gateway: Gateway, token: str, people: int, today: date) -> dict:
    files = {"file": ("demo-homes-residents.csv", feed_csv(people, today=today), "text/csv")}
    try:
        return gateway.call("POST", "/api/v1/imports", token, ok=(202,), files=files,
                            data={"mode": "full", "preview": "false"})[1]
    except DemoError as error:
        if " 404:" in str(error) or " 405:" in str(error):
            raise DemoError("this gateway has no imports route (POST /api/v1/imports) yet") from None
        raise


def _progress(run: dict) -> dict[str, Any]:
    progress, counts = run.get("progress") or {}, run.get("counts") or {}
    return {"run_id": run.get("id"), "status": run.get("status"), "phase": run.get("phase"),
            "percent": progress.get("percent"), "rows_done": progress.get("rows_done"),
            "rows_total": progress.get("rows_total"), "rejected": counts.get("rejected")}


def wait_for(get_run: Callable[[], dict], deadline: float, *, cancelled: threading.Event | None = None,
             interval: float = 0.5, every: float = 5.0, clock: Callable[[], float] = time.monotonic) -> dict:
    """Poll the run until it is completed or failed, the deadline passes or `cancelled` is set; the last
    run seen. Logs progress every `every` seconds."""
    last_log = clock()
    while True:
        run = get_run()
        if run.get("status") in FINISHED or clock() >= deadline or (cancelled and cancelled.is_set()):
            return run
        if clock() - last_log >= every:
            log.info("demo residents loading", extra=_progress(run))
            last_log = clock()
        if cancelled:
            cancelled.wait(interval)
        else:
            time.sleep(interval)


def _finish(var_dir: Path, marker: dict, run: dict) -> None:
    marker["counts"] = run.get("counts") or {}
    if run.get("status") == "completed":
        marker["loaded"] = True
        log.info("demo residents loaded", extra=_progress(run) | {"counts": marker["counts"]})
    else:
        marker["run_id"] = None  # the next start uploads again
        log.warning("demo import failed", extra={"run_id": run.get("id"), "problem": run.get("problem")})
    write_marker(var_dir, marker)


def _load(gateway: Gateway, var_dir: Path, marker: dict, *, people: int, today: date, wait_seconds: float,
          cancelled: threading.Event | None) -> None:
    token = gateway.token(marker["username"], marker["password"])
    run = None
    if marker.get("run_id"):  # an earlier start's run: still going, finished, or gone
        _, run = gateway.call("GET", f"/api/v1/imports/{urllib.parse.quote(marker['run_id'])}", token,
                              ok=(200, 404))
        run = run if isinstance(run, dict) and run.get("id") else None
    if run is None or run.get("status") == "failed":
        log.info("demo residents: uploading a feed", extra={"people": people})
        run = _upload(gateway, token, people, today)
        marker["run_id"] = run["id"]
        write_marker(var_dir, marker)
    run_path = f"/api/v1/imports/{urllib.parse.quote(run['id'])}"

    def get_run() -> dict:
        return gateway.call("GET", run_path, token, ok=(200,))[1]

    run = wait_for(get_run, time.monotonic() + wait_seconds, cancelled=cancelled)
    if run.get("status") in FINISHED:
        _finish(var_dir, marker, run)
        return
    marker["still_loading"] = _progress(run)
    if cancelled is not None and not cancelled.is_set():
        threading.Thread(target=_keep_waiting, args=(gateway.base, var_dir, dict(marker), run_path, cancelled),
                         name="demo-import", daemon=True).start()


def _keep_waiting(base: str, var_dir: Path, marker: dict, run_path: str, cancelled: threading.Event) -> None:
    """After the banner: wait on for the run in the background and note when it is done."""
    gateway = Gateway(base)
    try:
        token = gateway.token(marker["username"], marker["password"])
        run = wait_for(lambda: gateway.call("GET", run_path, token, ok=(200,))[1], float("inf"),
                       cancelled=cancelled, interval=2.0, every=15.0)
        if run.get("status") in FINISHED:
            marker.pop("still_loading", None)
            _finish(var_dir, marker, run)
    except (DemoError, requests.RequestException, OSError) as error:
        log.warning("demo import: lost track of the run", extra={"reason": str(error)})
    finally:
        gateway.close()


def ensure(settings: Settings, base_url: str, operator_password: str, *, people: int = PEOPLE,
           username: str = USERNAME, landlord: str = LANDLORD, wait_seconds: float = WAIT_SECONDS,
           cancelled: threading.Event | None = None) -> dict[str, Any] | None:
    """The demo administrator's sign-in (the marker, plus "problem" when something went wrong), creating
    and loading the demo landlord first when this var directory has none yet; None when TRACKER_DEMO is
    off or no sign-in exists. Never raises."""
    if not settings.demo:
        return None
    marker = None
    try:
        marker = read_marker(settings.var_dir)
        if marker is not None and marker.get("loaded"):
            return marker
        marker = marker or new_marker(username, landlord)
        write_marker(settings.var_dir, marker)  # before the landlord exists: its password is never lost
        gateway = Gateway(base_url)
        try:
            if not marker.get("created"):
                log.info("demo landlord: creating it", extra={"landlord": marker["landlord"]})
                _create(gateway, marker, operator_password)
                write_marker(settings.var_dir, marker)
            _load(gateway, settings.var_dir, marker, people=people, today=settings.clock().today(),
                  wait_seconds=wait_seconds, cancelled=cancelled)
        finally:
            gateway.close()
    except (DemoError, requests.RequestException, OSError, KeyError, TypeError) as error:
        log.warning("demo landlord not ready; the platform runs on", extra={"reason": str(error)})
        if marker is None:
            return None
        marker = {**marker, "problem": str(error)}
    return marker if marker.get("created") else None


def banner(marker: dict[str, Any] | None, url: str) -> str:
    """The banner's lines about the demo landlord."""
    if not marker:
        return ""
    login = json.dumps({"username": marker["username"], "password": marker["password"]})
    if marker.get("loaded"):
        created = (marker.get("counts") or {}).get("created")
        state = f"{created:,} residents imported" if isinstance(created, int) and created else "residents imported"
    elif marker.get("still_loading"):
        state = (f"residents still loading ({marker['still_loading'].get('percent') or 0}%; "
                 "GET /api/v1/imports shows the run)")
    else:
        state = f"residents not loaded ({marker.get('problem') or 'see the log'}; the next start tries again)"
    return f"""Demo landlord "{marker['landlord']}": {state}. TRACKER_DEMO=0 leaves it out.
Sign in as its site administrator:
  username  {marker['username']}
  password  {marker['password']}
  curl -s -X POST {url}/api/v1/auth/token -H 'Content-Type: application/json' -d '{login}'
"""
