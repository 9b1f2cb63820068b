"""The message report (a message's numbers and outcome analysis, the log of every recipient as a file, the
copy each recipient was sent) and the communication record report (records picked by code, dates, landlord
contact and message: their numbers, each message's share, and a file of either). Reading a report needs any
staff member (the communication report: view_reports); files of people need export_data."""
from __future__ import annotations

from services.common.grpc_client import call, call_stream
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import landlord_staff
from ..downloads import PRODUCES, rows_file
from ..privileges import Privilege
from ..schemas.message_reports import (CommunicationReportFileQuery, CommunicationReportOut, CommunicationReportQuery,
                                       MessageReportOut)
from ..schemas.messages import FileQuery, RecipientOut
from .messages import MESSAGE, READ, TAG, message, recipient
from . import api

EXPORT = landlord_staff(Privilege.EXPORT_DATA)
REPORT = "/api/v1/communication-report"


@api.route("GET", MESSAGE + "/report", access=READ, tag=TAG, response=MessageReportOut,
           summary="A message's report: its numbers and outcome analysis (each outcome its type allows)")
def report(gw, caller, message_id: str):
    answer = call(gw.clients.messaging.GetMessageReport, pb.GetMessageRequest(message_id=message_id))
    return {"message": message(answer.message), "total": sum(o.count for o in answer.outcomes),
            "outcomes": [{"code": o.code, "label": o.label, "count": o.count} for o in answer.outcomes]}


@api.route("GET", MESSAGE + "/log", access=EXPORT, tag=TAG, query=FileQuery, produces=PRODUCES,
           summary="A message's log: every person on its list (name, where it went, state, outcome, reason) "
                   "as XLSX or CSV")
def log(gw, caller, message_id: str, query: FileQuery):
    chunks = call_stream(gw.clients.messaging.DownloadMessageLog,
                         pb.MessageFileRequest(message_id=message_id, format=query.format), timeout=600)
    return rows_file(chunks, query.format, f"message-log-{message_id}.{query.format}")


@api.route("GET", MESSAGE + "/recipients/{person_id}/copy", access=READ, tag=TAG, response=RecipientOut,
           summary="The message exactly as this recipient was sent it (404 until it was)")
def copy(gw, caller, message_id: str, person_id: str):
    return recipient(call(gw.clients.messaging.GetRecipientCopy, pb.RecipientCopyRequest(
        message_id=message_id, person_id=person_id)).recipient)


def _filter(query: CommunicationReportQuery) -> pb.CommunicationReportRequest:
    return pb.CommunicationReportRequest(
        communication_code=query.communication_code or "", landlord_contact=query.landlord_contact,
        message_id=query.message_id, date_from=query.date_from.isoformat() if query.date_from else "",
        date_to=query.date_to.isoformat() if query.date_to else "")


@api.route("GET", REPORT, access=landlord_staff(Privilege.VIEW_REPORTS), tag=TAG, query=CommunicationReportQuery,
           response=CommunicationReportOut,
           summary="The communication record report: numbers of messages, dates, records and unique people, and "
                   "each message's share (drill down to its report)")
def communication_report(gw, caller, query: CommunicationReportQuery):
    answer = call(gw.clients.messaging.GetCommunicationReport, _filter(query))
    return {"messages": answer.messages, "dates": answer.dates, "records": answer.records, "people": answer.people,
            "by_message": [{"message_id": m.message_id, "reference": m.reference, "channel": m.channel,
                            "records": m.records, "people": m.people, "first_date": m.first_date,
                            "last_date": m.last_date} for m in answer.by_message]}


@api.route("GET", REPORT + "/file", access=EXPORT, tag=TAG, query=CommunicationReportFileQuery, produces=PRODUCES,
           summary="The communication record report as XLSX or CSV: its summary, or the records themselves")
def communication_report_file(gw, caller, query: CommunicationReportFileQuery):
    chunks = call_stream(gw.clients.messaging.DownloadCommunicationReport, pb.CommunicationReportFileRequest(
        filter=_filter(query), what=query.what, format=query.format), timeout=600)
    return rows_file(chunks, query.format, f"communications-{query.what}.{query.format}")
