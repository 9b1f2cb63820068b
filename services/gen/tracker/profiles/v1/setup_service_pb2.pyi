from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OptionListSummary(_message.Message):
    __slots__ = ("name", "label", "custom", "options", "archived")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    name: str
    label: str
    custom: bool
    options: int
    archived: int
    def __init__(self, name: _Optional[str] = ..., label: _Optional[str] = ..., custom: _Optional[bool] = ..., options: _Optional[int] = ..., archived: _Optional[int] = ...) -> None: ...

class OptionListIndex(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[OptionListSummary]
    def __init__(self, items: _Optional[_Iterable[_Union[OptionListSummary, _Mapping]]] = ...) -> None: ...

class Option(_message.Message):
    __slots__ = ("option_id", "list_name", "label", "position", "archived", "code", "group", "attributes", "in_use")
    OPTION_ID_FIELD_NUMBER: _ClassVar[int]
    LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    IN_USE_FIELD_NUMBER: _ClassVar[int]
    option_id: str
    list_name: str
    label: str
    position: int
    archived: bool
    code: str
    group: str
    attributes: _struct_pb2.Struct
    in_use: int
    def __init__(self, option_id: _Optional[str] = ..., list_name: _Optional[str] = ..., label: _Optional[str] = ..., position: _Optional[int] = ..., archived: _Optional[bool] = ..., code: _Optional[str] = ..., group: _Optional[str] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., in_use: _Optional[int] = ...) -> None: ...

class OptionList(_message.Message):
    __slots__ = ("name", "label", "items")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    name: str
    label: str
    items: _containers.RepeatedCompositeFieldContainer[Option]
    def __init__(self, name: _Optional[str] = ..., label: _Optional[str] = ..., items: _Optional[_Iterable[_Union[Option, _Mapping]]] = ...) -> None: ...

class GetOptionListRequest(_message.Message):
    __slots__ = ("list_name",)
    LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    list_name: str
    def __init__(self, list_name: _Optional[str] = ...) -> None: ...

class AddOptionRequest(_message.Message):
    __slots__ = ("list_name", "label", "group", "attributes")
    LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    list_name: str
    label: str
    group: str
    attributes: _struct_pb2.Struct
    def __init__(self, list_name: _Optional[str] = ..., label: _Optional[str] = ..., group: _Optional[str] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpdateOptionRequest(_message.Message):
    __slots__ = ("list_name", "option_id", "label", "archived", "position", "group", "attributes")
    LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    OPTION_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    list_name: str
    option_id: str
    label: str
    archived: bool
    position: int
    group: str
    attributes: _struct_pb2.Struct
    def __init__(self, list_name: _Optional[str] = ..., option_id: _Optional[str] = ..., label: _Optional[str] = ..., archived: _Optional[bool] = ..., position: _Optional[int] = ..., group: _Optional[str] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ReorderOptionsRequest(_message.Message):
    __slots__ = ("list_name", "option_ids")
    LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    OPTION_IDS_FIELD_NUMBER: _ClassVar[int]
    list_name: str
    option_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, list_name: _Optional[str] = ..., option_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class DeleteOptionRequest(_message.Message):
    __slots__ = ("list_name", "option_id")
    LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    OPTION_ID_FIELD_NUMBER: _ClassVar[int]
    list_name: str
    option_id: str
    def __init__(self, list_name: _Optional[str] = ..., option_id: _Optional[str] = ...) -> None: ...

class CustomField(_message.Message):
    __slots__ = ("field_id", "key", "label", "type", "position", "archived", "applies_to", "list_name", "in_use")
    FIELD_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    APPLIES_TO_FIELD_NUMBER: _ClassVar[int]
    LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    IN_USE_FIELD_NUMBER: _ClassVar[int]
    field_id: str
    key: str
    label: str
    type: str
    position: int
    archived: bool
    applies_to: str
    list_name: str
    in_use: int
    def __init__(self, field_id: _Optional[str] = ..., key: _Optional[str] = ..., label: _Optional[str] = ..., type: _Optional[str] = ..., position: _Optional[int] = ..., archived: _Optional[bool] = ..., applies_to: _Optional[str] = ..., list_name: _Optional[str] = ..., in_use: _Optional[int] = ...) -> None: ...

class CustomFieldList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[CustomField]
    def __init__(self, items: _Optional[_Iterable[_Union[CustomField, _Mapping]]] = ...) -> None: ...

class AddCustomFieldRequest(_message.Message):
    __slots__ = ("label", "type", "key", "options", "applies_to")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    APPLIES_TO_FIELD_NUMBER: _ClassVar[int]
    label: str
    type: str
    key: str
    options: _containers.RepeatedScalarFieldContainer[str]
    applies_to: str
    def __init__(self, label: _Optional[str] = ..., type: _Optional[str] = ..., key: _Optional[str] = ..., options: _Optional[_Iterable[str]] = ..., applies_to: _Optional[str] = ...) -> None: ...

class UpdateCustomFieldRequest(_message.Message):
    __slots__ = ("key", "label", "type", "archived", "position")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    key: str
    label: str
    type: str
    archived: bool
    position: int
    def __init__(self, key: _Optional[str] = ..., label: _Optional[str] = ..., type: _Optional[str] = ..., archived: _Optional[bool] = ..., position: _Optional[int] = ...) -> None: ...

class DeleteCustomFieldRequest(_message.Message):
    __slots__ = ("key",)
    KEY_FIELD_NUMBER: _ClassVar[int]
    key: str
    def __init__(self, key: _Optional[str] = ...) -> None: ...

class AgeBand(_message.Message):
    __slots__ = ("label", "min_age", "max_age")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    MIN_AGE_FIELD_NUMBER: _ClassVar[int]
    MAX_AGE_FIELD_NUMBER: _ClassVar[int]
    label: str
    min_age: int
    max_age: int
    def __init__(self, label: _Optional[str] = ..., min_age: _Optional[int] = ..., max_age: _Optional[int] = ...) -> None: ...

class AgeBands(_message.Message):
    __slots__ = ("bands",)
    BANDS_FIELD_NUMBER: _ClassVar[int]
    bands: _containers.RepeatedCompositeFieldContainer[AgeBand]
    def __init__(self, bands: _Optional[_Iterable[_Union[AgeBand, _Mapping]]] = ...) -> None: ...

class ProfileSettings(_message.Message):
    __slots__ = ("age_bands", "personal_ref_mode")
    AGE_BANDS_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_MODE_FIELD_NUMBER: _ClassVar[int]
    age_bands: _containers.RepeatedCompositeFieldContainer[AgeBand]
    personal_ref_mode: str
    def __init__(self, age_bands: _Optional[_Iterable[_Union[AgeBand, _Mapping]]] = ..., personal_ref_mode: _Optional[str] = ...) -> None: ...

class UpdateProfileSettingsRequest(_message.Message):
    __slots__ = ("age_bands", "personal_ref_mode")
    AGE_BANDS_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_MODE_FIELD_NUMBER: _ClassVar[int]
    age_bands: AgeBands
    personal_ref_mode: str
    def __init__(self, age_bands: _Optional[_Union[AgeBands, _Mapping]] = ..., personal_ref_mode: _Optional[str] = ...) -> None: ...

class GetCustomFieldCatalogueRequest(_message.Message):
    __slots__ = ("applies_to",)
    APPLIES_TO_FIELD_NUMBER: _ClassVar[int]
    applies_to: str
    def __init__(self, applies_to: _Optional[str] = ...) -> None: ...

class CatalogueOption(_message.Message):
    __slots__ = ("option_id", "label", "archived", "group")
    OPTION_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    option_id: str
    label: str
    archived: bool
    group: str
    def __init__(self, option_id: _Optional[str] = ..., label: _Optional[str] = ..., archived: _Optional[bool] = ..., group: _Optional[str] = ...) -> None: ...

class CatalogueField(_message.Message):
    __slots__ = ("field", "options")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    field: CustomField
    options: _containers.RepeatedCompositeFieldContainer[CatalogueOption]
    def __init__(self, field: _Optional[_Union[CustomField, _Mapping]] = ..., options: _Optional[_Iterable[_Union[CatalogueOption, _Mapping]]] = ...) -> None: ...

class CustomFieldCatalogue(_message.Message):
    __slots__ = ("fields",)
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    fields: _containers.RepeatedCompositeFieldContainer[CatalogueField]
    def __init__(self, fields: _Optional[_Iterable[_Union[CatalogueField, _Mapping]]] = ...) -> None: ...

class CheckCustomValuesRequest(_message.Message):
    __slots__ = ("applies_to", "given", "current")
    APPLIES_TO_FIELD_NUMBER: _ClassVar[int]
    GIVEN_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    applies_to: str
    given: _struct_pb2.Struct
    current: _struct_pb2.Struct
    def __init__(self, applies_to: _Optional[str] = ..., given: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., current: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CheckCustomValuesResponse(_message.Message):
    __slots__ = ("stored",)
    STORED_FIELD_NUMBER: _ClassVar[int]
    stored: _struct_pb2.Struct
    def __init__(self, stored: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ReportingList(_message.Message):
    __slots__ = ("name", "label", "options")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    name: str
    label: str
    options: _containers.RepeatedCompositeFieldContainer[CatalogueOption]
    def __init__(self, name: _Optional[str] = ..., label: _Optional[str] = ..., options: _Optional[_Iterable[_Union[CatalogueOption, _Mapping]]] = ...) -> None: ...

class ReportingCatalogue(_message.Message):
    __slots__ = ("lists", "custom_fields", "age_bands")
    LISTS_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELDS_FIELD_NUMBER: _ClassVar[int]
    AGE_BANDS_FIELD_NUMBER: _ClassVar[int]
    lists: _containers.RepeatedCompositeFieldContainer[ReportingList]
    custom_fields: _containers.RepeatedCompositeFieldContainer[CustomField]
    age_bands: _containers.RepeatedCompositeFieldContainer[AgeBand]
    def __init__(self, lists: _Optional[_Iterable[_Union[ReportingList, _Mapping]]] = ..., custom_fields: _Optional[_Iterable[_Union[CustomField, _Mapping]]] = ..., age_bands: _Optional[_Iterable[_Union[AgeBand, _Mapping]]] = ...) -> None: ...
