"""The Referrals gRPC servicer: proto -> use case -> proto. Providers are read and changed at platform level; a
call with `provider_scope` (a provider's user, vouched for by the gateway) works at platform level on that
provider's referrals only; any other call works on the landlord's in its metadata. An appointment request's
link names its landlord itself."""
from __future__ import annotations

from services.common import context
from services.common.context import require_landlord
from services.common.errors import InvalidInput, PermissionDenied
from services.gen.tracker.referrals.v1 import referrals_service_pb2 as pb, referrals_service_pb2_grpc as pb_grpc

from services.common.row_files import chosen_format, file_chunks

from . import invitation, links, reports, service
from .clients.messaging import Mail
from .clients.profiles import People
from .domain import Person
from .to_proto import (appointment_message, linked_message, provider_message, referral_message, report_message,
                       slot_given)


class ReferralsServicer(pb_grpc.ReferralsServicer):
    def __init__(self, runtime, people: People, mail: Mail, *, secret: str):
        self._runtime, self._people, self._mail, self._secret = runtime, people, mail, secret

    def _platform(self, read_only: bool = False):
        return self._runtime.uow(platform=True, read_only=read_only)

    def _scoped(self, provider_scope: str, read_only: bool = False):
        return (self._platform(read_only) if provider_scope
                else self._runtime.uow(require_landlord(), read_only=read_only))

    def _names(self) -> dict[str, str]:
        with self._platform(read_only=True) as uow:
            return {p.provider_id: p.name for p in service.all_providers(uow)}

    def _answer(self, referral) -> pb.Referral:
        return referral_message(referral, self._names().get(referral.provider_id, ""))

    # -- providers ----------------------------------------------------------------------------------------------
    def ListProviders(self, request, ctx):
        with self._platform(read_only=True) as uow:
            return pb.Providers(items=[provider_message(p) for p in service.all_providers(uow)])

    def AddProvider(self, request, ctx):
        with self._platform() as uow:
            return provider_message(service.add_provider(uow, details=_details(request)))

    def UpdateProvider(self, request, ctx):
        with self._platform() as uow:
            return provider_message(service.update_provider(uow, provider_id=request.provider_id,
                                                            details=_details(request.details)))

    def GetProvider(self, request, ctx):
        with self._platform(read_only=True) as uow:
            return provider_message(service.get_provider(uow, provider_id=request.provider_id))

    def ListLandlordProviders(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            chosen = service.chosen_providers(uow)
        return self._choice(chosen)

    def _choice(self, chosen: set[str]) -> pb.Providers:
        with self._platform(read_only=True) as uow:
            return pb.Providers(items=[provider_message(p, p.provider_id in chosen)
                                       for p in service.all_providers(uow)])

    def SetLandlordProviders(self, request, ctx):
        with self._platform(read_only=True) as uow:
            known = {p.provider_id for p in service.all_providers(uow)}
        with self._runtime.uow(require_landlord()) as uow:
            chosen = service.choose_providers(uow, provider_ids=list(request.provider_ids), known=known)
        return self._choice(chosen)

    # -- referrals ----------------------------------------------------------------------------------------------
    def CreateReferral(self, request, ctx):
        if request.provider_scope:
            raise InvalidInput.field("provider_scope", "a provider's users register a resident with SelfReferral")
        given = {name: getattr(request, name) for name in (
            "person_id", "wants_support", "no_reason", "provider_id", "consent", "consent_date", "notes",
            "referred_on")} | {"needs": list(request.needs)}
        with self._runtime.uow(require_landlord()) as uow:
            made = service.create_referral(uow, self._people, user_id=context.current().user_id, given=given)
        return self._answer(made)

    def SelfReferral(self, request, ctx):
        if not request.landlord_id:
            raise InvalidInput.field("landlord_id", "is required: a landlord your provider works with")
        given = {"person": {k: getattr(request.person, k) for k in Person.__annotations__},
                 "needs": list(request.needs), "consent": request.consent, "consent_date": request.consent_date,
                 "notes": request.notes, "referred_on": request.referred_on}
        with self._runtime.uow(request.landlord_id) as uow:
            made = service.self_referral(uow, provider=request.provider_scope, user_id=context.current().user_id,
                                         given=given)
        return self._answer(made)

    def MatchReferral(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            found = service.match(uow, self._people, referral_id=request.referral_id, person_id=request.person_id)
        return self._answer(found)

    def ListProviderLandlords(self, request, ctx):
        if not request.provider_scope:
            raise InvalidInput.field("provider_scope", "is required")
        with self._platform(read_only=True) as uow:
            return pb.ProviderLandlords(landlord_ids=service.provider_landlords(uow, provider=request.provider_scope))

    def GetReferral(self, request, ctx):
        with self._scoped(request.provider_scope, read_only=True) as uow:
            found = service.get_referral(uow, referral_id=request.referral_id, provider=request.provider_scope)
        return self._answer(found)

    def ListReferrals(self, request, ctx):
        filters = {"person_id": request.person_id, "provider_id": request.provider_id,
                   "statuses": list(request.statuses), "referred_from": request.referred_from,
                   "referred_until": request.referred_until}
        with self._scoped(request.provider_scope, read_only=True) as uow:
            total, found = service.list_referrals(uow, filters=filters, page=request.page,
                                                  page_size=request.page_size, provider=request.provider_scope)
        names = self._names()
        return pb.ReferralPage(total=total, items=[referral_message(r, names.get(r.provider_id, "")) for r in found])

    def BookAppointment(self, request, ctx):
        with self._scoped(request.provider_scope) as uow:
            found = service.book(uow, referral_id=request.referral_id, slot=slot_given(request.slot),
                                 user_id=context.current().user_id, provider=request.provider_scope)
        return self._answer(found)

    def SetAppointmentStatus(self, request, ctx):
        with self._scoped(request.provider_scope) as uow:
            found = service.set_status(uow, referral_id=request.referral_id, appointment_id=request.appointment_id,
                                       status=request.status, reason=request.reason,
                                       user_id=context.current().user_id, provider=request.provider_scope)
        return self._answer(found)

    def RescheduleAppointment(self, request, ctx):
        with self._scoped(request.provider_scope) as uow:
            found = service.reschedule(uow, referral_id=request.referral_id, appointment_id=request.appointment_id,
                                       slot=slot_given(request.slot), reason=request.reason,
                                       user_id=context.current().user_id, provider=request.provider_scope)
        return self._answer(found)

    def GetAppointmentInvitation(self, request, ctx):
        with self._scoped(request.provider_scope, read_only=True) as uow:
            found = service.get_referral(uow, referral_id=request.referral_id, provider=request.provider_scope)
            now = uow.clock.now()
        booked = found.appointment(request.appointment_id)
        content = invitation.ics(found, booked, self._names().get(found.provider_id, "the provider"), now)
        return pb.Invitation(file_name=f"appointment-{booked.slot.starts_at:%Y-%m-%d-%H%M}.ics", content=content)

    def RecordJourneyStep(self, request, ctx):
        with self._scoped(request.provider_scope) as uow:
            found = service.record_step(uow, referral_id=request.referral_id, step=request.step, date=request.date,
                                        notes=request.notes, user_id=context.current().user_id,
                                        provider=request.provider_scope)
        return self._answer(found)

    # -- reports ------------------------------------------------------------------------------------------------
    def _reported(self, request):
        filters = {"referred_from": request.referred_from, "referred_until": request.referred_until,
                   "provider_id": request.provider_id, "referred_by": request.referred_by}
        with self._scoped(request.provider_scope, read_only=True) as uow:
            return service.report_referrals(uow, filters=filters, provider=request.provider_scope)

    def GetReferralReport(self, request, ctx):
        found = reports.report(self._reported(request))
        providers = self._names()
        return report_message(found, providers)

    def DownloadReferralReport(self, request, ctx):
        chosen = chosen_format(request.format)
        rows = list(reports.rows(self._reported(request), self._names(), dict(request.names)))
        yield from (pb.FileChunk(data=chunk) for chunk in file_chunks(rows, chosen, sheet_title="Referrals"))

    # -- appointment requests by link ---------------------------------------------------------------------------
    def RequestAppointment(self, request, ctx):
        landlord_id = require_landlord()
        names = self._names()

        def send(referral) -> None:
            with self._platform(read_only=True) as uow:
                provider = service.get_provider(uow, provider_id=referral.provider_id)
            link = links.token(self._secret, links.AppointmentLink(landlord_id, referral.referral_id,
                                                                   referral.request_expires_at))
            self._mail.notice(to=provider.contact_email, subject="Appointment request",
                              text=links.request_text(referral, names.get(referral.provider_id, ""),
                                                f"{request.public_url.rstrip('/')}/appointment-requests/{link}"))
        with self._runtime.uow(landlord_id) as uow:
            found = service.request_appointment(uow, referral_id=request.referral_id, send=send)
        return self._answer(found)

    def _linked(self, token: str):
        link = links.read(self._secret, token)
        if link is None:
            raise PermissionDenied("this is not a link the platform made")
        return link

    def ReadAppointmentLink(self, request, ctx):
        link = self._linked(request.token)
        with self._runtime.uow(link.landlord_id, read_only=True) as uow:
            found = service.linked_referral(uow, referral_id=link.referral_id, expires_at=link.expires_at)
        return linked_message(found, self._names().get(found.provider_id, ""), link.expires_at)

    def BookByLink(self, request, ctx):
        link = self._linked(request.token)
        with context.bound(context.CallContext(landlord_id=link.landlord_id, request_id=context.new_request_id())):
            with self._runtime.uow(link.landlord_id) as uow:
                found = service.book_by_link(uow, referral_id=link.referral_id, slot=slot_given(request.slot),
                                             expires_at=link.expires_at)
        return linked_message(found, self._names().get(found.provider_id, ""), link.expires_at,
                              appointment_message(found.appointments[-1]))


def _details(message: pb.ProviderDetails) -> dict:
    return {"name": message.name, "services": list(message.services), "areas": list(message.areas),
            "contact_email": message.contact_email}
