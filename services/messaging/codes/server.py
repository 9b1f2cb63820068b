"""The Messaging servicer's methods for the landlord's communication codes and outcome codes: proto -> use case
-> proto (a mixin of server.MessagingServicer, which has the runtime)."""
from __future__ import annotations

from services.common.context import require_landlord
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..domain import CommunicationCode, Outcome
from . import domain as rules, service as codes


def _outcome(code: CommunicationCode, o: Outcome) -> pb.OutcomeCode:
    return pb.OutcomeCode(code=o.code, label=o.label, archived=o.archived,
                          platform=rules.by_platform(code.code, o.code))


def code_message(c: CommunicationCode) -> pb.CommunicationCode:
    return pb.CommunicationCode(code=c.code, label=c.label, outcomes=[_outcome(c, o) for o in c.outcomes],
                                archived=c.archived, platform=rules.by_platform(c.code), colour=c.colour,
                                text_colour=c.text_colour)


def _given(request, name: str):
    return getattr(request, name) if request.HasField(name) else None


class CodeListServing:
    def ListCommunicationCodes(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            found = rules.shown(codes.catalogue(uow), request.archived)
        return pb.CommunicationCodes(codes=[code_message(c) for c in found.codes])

    def AddCommunicationCode(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return code_message(codes.add_code(uow, code=request.code, label=request.label,
                                               outcomes=[(o.code, o.label) for o in request.outcomes],
                                               colour=request.colour, text_colour=request.text_colour))

    def UpdateCommunicationCode(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return code_message(codes.change_code(
                uow, code=request.code, label=_given(request, "label"), archived=_given(request, "archived"),
                colour=_given(request, "colour"), text_colour=_given(request, "text_colour")))

    def DeleteCommunicationCode(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            codes.remove_code(uow, code=request.code)
        return pb.CommunicationCodeDeleted()

    def AddOutcomeCode(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return _outcome(*codes.add_outcome(uow, communication_code=request.communication_code, code=request.code,
                                               label=request.label))

    def UpdateOutcomeCode(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return _outcome(*codes.change_outcome(
                uow, communication_code=request.communication_code, code=request.code, label=_given(request, "label"),
                archived=_given(request, "archived")))

    def DeleteOutcomeCode(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            codes.remove_outcome(uow, communication_code=request.communication_code, code=request.code)
        return pb.CommunicationCodeDeleted()
