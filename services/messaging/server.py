"""The Messaging gRPC servicer: proto -> use case -> proto, nothing else; and the mapping of communication
records to the protobuf messages of the Messaging API."""
from __future__ import annotations

from services.common import context
from services.common.context import require_landlord
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb, messaging_service_pb2_grpc as pb_grpc

from . import service
from .clients.profiles import People
from .domain import CODES, Communication
from .events import communication_recorded

CHANGEABLE = ("communication_code", "outcome_code", "date", "landlord_contact", "description", "notes")


def communication_message(c: Communication) -> pb.Communication:
    d = c.details
    return pb.Communication(
        communication_id=c.communication_id, person_id=c.person_id,
        details=pb.CommunicationDetails(communication_code=d.communication_code, outcome_code=d.outcome_code,
                                        date=d.date.isoformat(), landlord_contact=d.landlord_contact,
                                        description=d.description, notes=d.notes),
        communication_label=d.communication_label, outcome_label=d.outcome_label, message_id=c.message_id,
        created_at=c.created_at.isoformat(), created_by=c.created_by, updated_at=c.updated_at.isoformat())


def _details(message: pb.CommunicationDetails) -> dict:
    return {name: getattr(message, name) for name in CHANGEABLE}


class MessagingServicer(pb_grpc.MessagingServicer):
    def __init__(self, runtime, people: People):
        self._runtime, self._people = runtime, people

    def ListCommunicationCodes(self, request, ctx):
        require_landlord()
        return pb.CommunicationCodes(codes=[
            pb.CommunicationCode(code=c.code, label=c.label,
                                 outcomes=[pb.OutcomeCode(code=o, label=label) for o, label in c.outcomes])
            for c in CODES])

    def RecordCommunications(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            made = service.record(uow, self._people, user_id=context.current().user_id,
                                  person_ids=list(request.person_ids), details=_details(request.details))
        return pb.RecordCommunicationsResponse(recorded=len(made), communication_ids=[c.communication_id for c in made])

    def ListPersonCommunications(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            total, found = service.person_records(uow, person_id=request.person_id, page=request.page,
                                                  page_size=request.page_size)
        return pb.CommunicationPage(total=total, items=[communication_message(c) for c in found])

    def GetCommunication(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return communication_message(service.get(uow, communication_id=request.communication_id))

    def UpdateCommunication(self, request, ctx):
        changes = {name: getattr(request, name) for name in CHANGEABLE if request.HasField(name)}
        with self._runtime.uow(require_landlord()) as uow:
            return communication_message(service.change(uow, communication_id=request.communication_id,
                                                        changes=changes))

    def DeleteCommunication(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            service.delete(uow, communication_id=request.communication_id)
        return pb.DeleteCommunicationResponse()

    def StreamCommunicationStates(self, request, ctx):
        landlord_id = require_landlord()
        pages = service.record_states(lambda: self._runtime.uow(landlord_id, read_only=True),
                                      page_size=request.page_size,
                                      after_communication_id=request.after_communication_id)
        for page in pages:
            yield pb.CommunicationStates(records=[communication_recorded(r) for r in page])
