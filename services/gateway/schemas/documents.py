"""Request and response bodies of documents on a person's record."""
from __future__ import annotations

from pydantic import ConfigDict, Field, BaseModel

from ..forms import UploadedFile
from . import Body

# The profiles service's limit (services/profiles/documents/domain.MAX_SIZE_BYTES); the gateway
# refuses larger files itself, with 413, before sending them on.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


class DocumentUpload(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"file": "tenancy-agreement.pdf", "title": "Tenancy agreement",
         "summary": "Signed agreement for the flat, with the pet clause"}]})

    file: UploadedFile = Field(description="the document, in any format, at most 10 MiB; its type is read from "
                                           "its bytes, its name is kept only to name the download")
    title: str = Field(min_length=1, max_length=200)
    summary: str = Field("", max_length=2000, description="a brief summary of what it holds")


class DocumentChanges(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"title": "Tenancy agreement (signed)", "summary": "Signed by both tenants"}]})

    title: str | None = Field(None, min_length=1, max_length=200)
    summary: str | None = Field(None, max_length=2000)


class DocumentOut(BaseModel):
    id: str
    title: str
    summary: str
    file_name: str = Field(description="as uploaded, made safe; used to name the download")
    content_type: str = Field(description="found from the document's bytes, whatever its name says")
    size_bytes: int
    sha256: str = Field(description="hex digest of the bytes, to check a download")
    uploaded_at: str
    uploaded_by: str = Field(description="user id")
    updated_at: str


class DocumentList(BaseModel):
    total: int
    items: list[DocumentOut] = Field(description="newest first")
