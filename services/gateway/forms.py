"""multipart/form-data bodies: routes that take an uploaded file declare their
body as a pydantic model whose file fields are `UploadedFile` (the bytes, for
small files) or `UploadedStream` (left where werkzeug spooled it, read in chunks:
large files never sit whole in memory), and the largest file they accept. The
OpenAPI document shows those fields as binary strings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterator

from pydantic import BaseModel
from pydantic_core import PydanticCustomError, core_schema
from werkzeug.exceptions import RequestEntityTooLarge

from services.common.errors import FieldProblem, InvalidInput

MULTIPART = "multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"  # what webhooks post (a text provider's reports)
FORM_OVERHEAD_BYTES = 64 * 1024  # the other fields and the part headers, beyond the file itself


class PayloadTooLarge(InvalidInput):
    """The body, or a file in it, is larger than the route accepts."""
    code = "too_large"
    http_status = 413  # grpc_status: InvalidInput's


class _FilePart:
    """A file field of a body model: only a file part validates; the OpenAPI document shows a binary string."""

    @classmethod
    def __get_pydantic_core_schema__(cls, _source, _handler):
        return core_schema.no_info_plain_validator_function(cls._validate)

    @classmethod
    def __get_pydantic_json_schema__(cls, _schema, _handler):
        return {"type": "string", "format": "binary"}

    @classmethod
    def _validate(cls, value):
        if not isinstance(value, cls):
            raise PydanticCustomError("file_expected", "must be a file (a multipart/form-data part with a filename)")
        return value


@dataclass(frozen=True)
class UploadedFile(_FilePart):
    """One file part of a multipart/form-data body: the name the client gave it and its bytes."""
    file_name: str
    content: bytes


@dataclass(frozen=True)
class UploadedStream(_FilePart):
    """One file part left where werkzeug spooled it (a temporary file beyond 500 KB), valid while the
    request lasts: its name, its size, and its bytes read in chunks, never whole."""
    file_name: str
    stream: BinaryIO
    size_bytes: int

    def chunks(self, size: int) -> Iterator[bytes]:
        self.stream.seek(0)
        while chunk := self.stream.read(size):
            yield chunk


def file_fields(model: type[BaseModel]) -> list[str]:
    return [name for name, info in model.model_fields.items() if info.annotation in (UploadedFile, UploadedStream)]


def read_form(model: type[BaseModel], request, max_file_bytes: int) -> dict:
    """The raw values of a multipart/form-data body, ready for the model to validate.
    Refuses (413, naming the file field) a body or file larger than `max_file_bytes` allows."""
    request.max_content_length = max_file_bytes + FORM_OVERHEAD_BYTES
    try:
        raw: dict = request.form.to_dict()
        files = request.files
    except RequestEntityTooLarge:
        raise too_large(model, max_file_bytes) from None
    streamed = {name for name, info in model.model_fields.items() if info.annotation is UploadedStream}
    for name, storage in files.items():
        if name in streamed:
            raw[name] = _stream(model, storage, max_file_bytes)
            continue
        content = storage.read(max_file_bytes + 1)
        if len(content) > max_file_bytes:
            raise too_large(model, max_file_bytes)
        raw[name] = UploadedFile(storage.filename or "", content)
    return raw


def _stream(model: type[BaseModel], storage, max_file_bytes: int) -> UploadedStream:
    stream = storage.stream
    stream.seek(0, 2)  # the part is already spooled: its size, without reading it
    size = stream.tell()
    stream.seek(0)
    if size > max_file_bytes:
        raise too_large(model, max_file_bytes)
    return UploadedStream(storage.filename or "", stream, size)


def size_text(size_bytes: int) -> str:
    """A limit in words: "10 MiB", or the bytes when it is not whole mebibytes."""
    mib, rest = divmod(size_bytes, 1024 * 1024)
    return f"{mib} MiB" if not rest else f"{size_bytes} bytes"


def too_large(model: type[BaseModel], max_file_bytes: int) -> PayloadTooLarge:
    """413 naming the file fields of the body model."""
    limit = size_text(max_file_bytes)
    names = file_fields(model) or ["body"]
    return PayloadTooLarge(f"the upload is larger than {limit}",
                           [FieldProblem(name, f"must be at most {limit}") for name in names])
