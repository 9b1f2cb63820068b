"""Surveys (a message with "channel": "survey"): once sent, the survey team's list (XLSX or CSV), and their
results taken back as each person's Questionnaire record with a satisfaction score (0-10) where given."""
from __future__ import annotations

from services.common.grpc_client import call, call_stream
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..downloads import PRODUCES, rows_file
from ..schemas.communications import Recorded
from ..schemas.messages import FileQuery
from ..schemas.surveys import SurveyResults
from .messages import MESSAGE, SEND, TAG
from . import api


@api.route("GET", MESSAGE + "/survey-list", access=SEND, tag=TAG, query=FileQuery, produces=PRODUCES,
           summary="A survey's list for the survey team: each person included, with their number (phone) or "
                   "address (postal, face to face) and large print")
def survey_list(gw, caller, message_id: str, query: FileQuery):
    chunks = call_stream(gw.clients.messaging.DownloadMailingList,
                         pb.MessageFileRequest(message_id=message_id, format=query.format), timeout=600)
    return rows_file(chunks, query.format, f"survey-list-{message_id}.{query.format}")


@api.route("POST", MESSAGE + "/survey-results", access=SEND, tag=TAG, status=201, body=SurveyResults,
           response=Recorded, summary="Take back a sent survey's results: each person's Questionnaire record (all or none; a result "
                   "given again changes it)")
def survey_results(gw, caller, message_id: str, body: SurveyResults):
    request = pb.SurveyResultsRequest(message_id=message_id)
    for r in body.results:
        result = request.results.add(person_id=r.person_id, outcome_code=r.outcome_code, notes=r.notes,
                                     date=r.date.isoformat() if r.date else "")
        if r.satisfaction is not None:
            result.satisfaction = r.satisfaction
    answer = call(gw.clients.messaging.RecordSurveyResults, request)
    return {"recorded": answer.recorded, "communication_ids": list(answer.communication_ids)}
