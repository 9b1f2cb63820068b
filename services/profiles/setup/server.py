"""The ProfileSetup gRPC servicer: proto -> use case -> proto, nothing else."""
from __future__ import annotations

from google.protobuf import empty_pb2, json_format

from services.common.context import require_landlord
from services.gen.tracker.profiles.v1 import setup_service_pb2 as pb, setup_service_pb2_grpc as pb_grpc

from . import custom_values as setup_custom_values, reporting as setup_reporting, service as setup
from .domain import CHOICE_TYPES, AgeBand, CustomField, Option, ProfileSettings


class ProfileSetupServicer(pb_grpc.ProfileSetupServicer):
    def __init__(self, runtime):
        self._runtime = runtime

    def _uow(self):
        return self._runtime.uow(require_landlord())

    def SetUpLandlord(self, request, ctx):
        with self._uow() as uow:
            setup.set_up_landlord(uow)
        return empty_pb2.Empty()

    # -- option lists -----------------------------------------------------------------------------------------------

    def ListOptionLists(self, request, ctx):
        with self._uow() as uow:
            lists = setup.option_lists(uow)
        return pb.OptionListIndex(items=[pb.OptionListSummary(name=s.name, label=s.label, custom=s.custom,
                                                              options=s.options, archived=s.archived) for s in lists])

    def GetOptionList(self, request, ctx):
        with self._uow() as uow:
            return list_message(setup.option_list(uow, list_name=request.list_name))

    def AddOption(self, request, ctx):
        with self._uow() as uow:
            option = setup.add_option(uow, list_name=request.list_name, label=request.label, group=request.group,
                                      attributes=_dict(request, "attributes"))
        return option_message(option, 0)

    def UpdateOption(self, request, ctx):
        with self._uow() as uow:
            used = setup.update_option(
                uow, list_name=request.list_name, option_id=request.option_id, label=_opt(request, "label"),
                archived=_opt(request, "archived"), position=_opt(request, "position"), group=_opt(request, "group"),
                attributes=_dict(request, "attributes"))
        return option_message(*used)

    def ReorderOptions(self, request, ctx):
        with self._uow() as uow:
            return list_message(setup.reorder_options(uow, list_name=request.list_name,
                                                      option_ids=list(request.option_ids)))

    def DeleteOption(self, request, ctx):
        with self._uow() as uow:
            setup.delete_option(uow, list_name=request.list_name, option_id=request.option_id)
        return empty_pb2.Empty()

    # -- custom fields ----------------------------------------------------------------------------------------------

    def ListCustomFields(self, request, ctx):
        with self._uow() as uow:
            fields = setup.custom_fields(uow)
        return pb.CustomFieldList(items=[field_message(*u) for u in fields])

    def AddCustomField(self, request, ctx):
        with self._uow() as uow:
            definition = setup.add_custom_field(uow, label=request.label, type=request.type, key=request.key,
                                                options=list(request.options), applies_to=request.applies_to)
        return field_message(definition, 0)

    def UpdateCustomField(self, request, ctx):
        with self._uow() as uow:
            used = setup.update_custom_field(uow, key=request.key, label=_opt(request, "label"),
                                             type=_opt(request, "type"), archived=_opt(request, "archived"),
                                             position=_opt(request, "position"))
        return field_message(*used)

    def DeleteCustomField(self, request, ctx):
        with self._uow() as uow:
            setup.delete_custom_field(uow, key=request.key)
        return empty_pb2.Empty()

    def GetCustomFieldCatalogue(self, request, ctx):
        with self._uow() as uow:
            fields = setup_custom_values.custom_field_catalogue(uow, applies_to=request.applies_to)
        return pb.CustomFieldCatalogue(fields=[
            pb.CatalogueField(field=field_message(f.field, f.in_use), options=[catalogue_option(o) for o in f.options])
            for f in fields])

    def CheckCustomValues(self, request, ctx):
        with self._uow() as uow:
            stored = setup_custom_values.check_custom_values(
                uow, applies_to=request.applies_to, given=json_format.MessageToDict(request.given),
                current=json_format.MessageToDict(request.current))
        answer = pb.CheckCustomValuesResponse()
        answer.stored.update(stored)
        return answer

    def GetReportingCatalogue(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:  # reads never write
            found = setup_reporting.reporting_catalogue(uow)
        return pb.ReportingCatalogue(
            lists=[pb.ReportingList(name=i.name, label=i.label, options=[catalogue_option(o) for o in i.options])
                   for i in found.lists],
            custom_fields=[field_message(d, 0) for d in found.custom_fields],
            age_bands=[age_band_message(b) for b in found.age_bands])

    # -- settings ---------------------------------------------------------------------------------------------------

    def GetProfileSettings(self, request, ctx):
        with self._uow() as uow:
            return settings_message(setup.profile_settings(uow))

    def UpdateProfileSettings(self, request, ctx):
        bands = None
        if request.HasField("age_bands"):
            bands = [AgeBand(b.label, b.min_age, b.max_age if b.HasField("max_age") else None)
                     for b in request.age_bands.bands]
        with self._uow() as uow:
            settings = setup.update_profile_settings(uow, age_bands=bands,
                                                     personal_ref_mode=_opt(request, "personal_ref_mode"))
        return settings_message(settings)


def list_message(view: setup.OptionListView) -> pb.OptionList:
    return pb.OptionList(name=view.name, label=view.label, items=[option_message(*u) for u in view.items])


def option_message(option: Option, in_use: int) -> pb.Option:
    message = pb.Option(option_id=option.option_id, list_name=option.list_name, label=option.label,
                        position=option.position, archived=option.archived, code=option.code, group=option.group,
                        in_use=in_use)
    if option.attributes:
        message.attributes.update(dict(option.attributes))
    return message


def field_message(definition: CustomField, in_use: int) -> pb.CustomField:
    return pb.CustomField(field_id=definition.field_id, key=definition.key, label=definition.label,
                          type=definition.type, position=definition.position, archived=definition.archived,
                          applies_to=definition.applies_to, in_use=in_use,
                          list_name=definition.list_name if definition.type in CHOICE_TYPES else "")


def catalogue_option(option: Option) -> pb.CatalogueOption:
    return pb.CatalogueOption(option_id=option.option_id, label=option.label, archived=option.archived,
                              group=option.group)


def settings_message(settings: ProfileSettings) -> pb.ProfileSettings:
    return pb.ProfileSettings(personal_ref_mode=settings.personal_ref_mode,
                              age_bands=[age_band_message(b) for b in settings.age_bands])


def age_band_message(band: AgeBand) -> pb.AgeBand:
    return pb.AgeBand(label=band.label, min_age=band.min_age, max_age=band.max_age)


def _opt(request, name: str):
    return getattr(request, name) if request.HasField(name) else None


def _dict(request, name: str) -> dict | None:
    return json_format.MessageToDict(getattr(request, name)) if request.HasField(name) else None
