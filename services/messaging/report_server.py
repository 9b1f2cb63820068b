"""The Messaging servicer's report methods (a part of MessagingServicer): proto -> use case -> proto. Files
are written whole inside the unit of work, then streamed once it has ended."""
from __future__ import annotations

from services.common.context import require_landlord
from services.common.errors import InvalidInput
from services.common.row_files import chosen_format, file_chunks
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from .codes import service as codes
from .reports import communication_report as communications, message_report
from .to_proto import message_summary, recipient_message

FILTER = ("communication_code", "date_from", "date_to", "landlord_contact", "message_id")


class ReportServing:
    """Needs the `_runtime` and `_people` of the servicer it is part of."""

    def GetMessageReport(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            found, outcomes = message_report.report(uow, message_id=request.message_id)
            return pb.MessageReport(message=message_summary(found), outcomes=[
                pb.OutcomeCount(code=code, label=label, count=count) for code, label, count in outcomes])

    def DownloadMessageLog(self, request, ctx):
        chosen = chosen_format(request.format)
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            _, rows = message_report.log_rows(uow, message_id=request.message_id)
            chunks = list(file_chunks([message_report.LOG_COLUMNS, *rows], chosen, sheet_title="Message log"))
        for data in chunks:
            yield pb.FileChunk(data=data)

    def GetRecipientCopy(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            message, recipient, subject, content = message_report.recipient_copy(
                uow, message_id=request.message_id, person_id=request.person_id)
        return pb.RecipientCopy(recipient=recipient_message(message, recipient, (subject, content)))

    def GetCommunicationReport(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            picked = communications.record_filter({name: getattr(request, name) for name in FILTER},
                                                  codes.catalogue(uow))
            found = communications.summary(uow, picked)
        return pb.CommunicationReport(
            messages=found["messages"], dates=found["dates"], records=found["records"], people=found["people"],
            by_message=[pb.MessageShare(**{**m, "first_date": m["first_date"].isoformat(),
                                           "last_date": m["last_date"].isoformat()}) for m in found["by_message"]])

    def DownloadCommunicationReport(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            catalogue = codes.catalogue(uow)
        picked = communications.record_filter({name: getattr(request.filter, name) for name in FILTER}, catalogue)
        chosen = chosen_format(request.format)
        if request.what in ("", "summary"):
            with self._runtime.uow(require_landlord(), read_only=True) as uow:
                rows = communications.summary_rows(communications.summary(uow, picked))
            chunks = file_chunks([communications.SUMMARY_COLUMNS, *rows], chosen, sheet_title="Communications")
        elif request.what == "records":
            chunks = file_chunks([communications.RECORD_COLUMNS, *self._record_rows(picked, catalogue)], chosen,
                                 sheet_title="Communication records")
        else:
            raise InvalidInput.field("what", "must be summary or records")
        for data in chunks:
            yield pb.FileChunk(data=data)

    def _record_rows(self, picked, catalogue):
        landlord_id, after = require_landlord(), None
        while True:
            with self._runtime.uow(landlord_id, read_only=True) as uow:
                page = communications.record_page(uow, picked, after)
            if not page:
                return
            people = self._people.names(sorted({row["person_id"] for row in page}))
            for row in page:
                yield communications.record_row(row, people.get(row["person_id"], ("", "")), catalogue)
            after = (page[-1]["date"], page[-1]["communication_id"])
