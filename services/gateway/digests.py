"""The daily digest of follow-up actions, run for every landlord every TRACKER_DIGEST_INTERVAL_SECONDS (an hour;
0: never) and on demand: each active staff user with an email address is asked about, and messaging emails
those with overdue or due-today actions, at most once per user per day (it keeps the day's row, so however
often this runs, nobody gets two). The gateway runs it because it owns the users and their addresses."""
from __future__ import annotations

import logging
from collections import Counter

from services.common import context
from services.common.grpc_client import call
from services.common.worker import BackgroundWorker
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from . import staff
from .store import LandlordRepository

log = logging.getLogger(__name__)
OUTCOMES = ("sent", "already_sent", "nothing_due", "no_email")


class Digests(BackgroundWorker):
    def __init__(self, gateway, interval_seconds: int):
        super().__init__("gateway-digests")
        self._gateway, self.idle_seconds = gateway, float(interval_seconds)
        self._waited = False  # the first run comes one interval after start, once every service is up

    def run_landlord(self, landlord_id: str) -> dict[str, int]:
        """Today's digests of the landlord's users: how many users were looked at, and each outcome's count."""
        with self._gateway.uow(landlord_id) as uow:
            users = [u for u in staff.everyone(uow, landlord_id).values() if staff.is_staff(u, landlord_id)]
        outcomes: Counter[str] = Counter()
        with context.bound(context.CallContext(landlord_id=landlord_id, request_id=context.new_request_id())):
            for user in users:
                answer = call(self._gateway.clients.messaging.SendActionDigest, pb.SendActionDigestRequest(
                    user_id=user.user_id, email=user.email, name=user.name))
                outcomes[answer.outcome] += 1
        return {"users": len(users), **{name: outcomes[name] for name in OUTCOMES}}

    def work_once(self) -> bool:
        if not self._waited:
            self._waited = True
            return False
        with self._gateway.uow(platform=True) as uow:
            landlords = [landlord.landlord_id for landlord in LandlordRepository(uow.session).list()]
        for landlord_id in landlords:
            if self.stopping:
                break
            try:
                found = self.run_landlord(landlord_id)
                log.info("action digests", extra={"landlord_id": landlord_id, "sent": found["sent"]})
            except Exception:  # one landlord's failure (messaging away) never stops the others
                log.exception("action digests failed", extra={"landlord_id": landlord_id})
        return False
