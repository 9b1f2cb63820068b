"""Documents on a person's record: upload (multipart/form-data), list, download,
edit the title and summary, delete."""
from __future__ import annotations

from urllib.parse import quote

from flask import Response

from services.common.grpc_client import call
from services.gen.tracker.profiles.v1 import documents_service_pb2 as pb

from ..api import BINARY, landlord_staff
from ..forms import MULTIPART
from ..privileges import Privilege
from ..schemas.documents import MAX_DOCUMENT_BYTES, DocumentChanges, DocumentList, DocumentOut, DocumentUpload
from . import api

DOCUMENTS = "/api/v1/people/{person_id}/documents"
DOCUMENT = DOCUMENTS + "/{document_id}"
EDIT = landlord_staff(Privilege.EDIT_PROFILES)
TRANSFER_TIMEOUT = 30.0  # seconds: a 10 MiB document each way


def _document(message) -> dict:
    return {"id": message.document_id, "title": message.title, "summary": message.summary,
            "file_name": message.file_name, "content_type": message.content_type, "size_bytes": message.size_bytes,
            "sha256": message.sha256, "uploaded_at": message.uploaded_at, "uploaded_by": message.uploaded_by,
            "updated_at": message.updated_at}


@api.route("GET", DOCUMENTS, access=landlord_staff(), tag="documents", response=DocumentList,
           summary="The documents stored on a person's record, newest first")
def list_documents(gw, caller, person_id: str):
    answer = call(gw.clients.documents.ListDocuments, pb.ListDocumentsRequest(person_id=person_id))
    return {"total": len(answer.documents), "items": [_document(d) for d in answer.documents]}


@api.route("POST", DOCUMENTS, access=EDIT, tag="documents", status=201, body=DocumentUpload, body_media=MULTIPART,
           max_upload_bytes=MAX_DOCUMENT_BYTES, response=DocumentOut,
           summary="Store a document (any format, at most 10 MiB) with a title and a brief summary")
def upload(gw, caller, person_id: str, body: DocumentUpload):
    created = call(gw.clients.documents.UploadDocument, pb.UploadDocumentRequest(
        person_id=person_id, title=body.title, summary=body.summary, file_name=body.file.file_name,
        content=body.file.content), timeout=TRANSFER_TIMEOUT)
    return _document(created)


@api.route("GET", DOCUMENT, access=landlord_staff(), tag="documents", produces=BINARY,
           summary="Download a document: its bytes, as the type found in them")
def download(gw, caller, person_id: str, document_id: str):
    document = call(gw.clients.documents.GetDocument, pb.GetDocumentRequest(person_id=person_id,
                                                                            document_id=document_id),
                    timeout=TRANSFER_TIMEOUT)
    content_type = document.content_type
    if content_type == "text/plain":
        content_type += "; charset=utf-8"  # only valid UTF-8 is ever detected as text
    return Response(document.content, status=200, content_type=content_type, headers={
        "Content-Disposition": content_disposition(document.file_name),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
    })


@api.route("PATCH", DOCUMENT, access=EDIT, tag="documents", body=DocumentChanges, response=DocumentOut,
           summary="Change a document's title or summary (only the fields sent)")
def edit(gw, caller, person_id: str, document_id: str, body: DocumentChanges):
    request = pb.EditDocumentRequest(person_id=person_id, document_id=document_id)
    if body.title is not None:
        request.title = body.title
    if body.summary is not None:
        request.summary = body.summary
    return _document(call(gw.clients.documents.EditDocument, request))


@api.route("DELETE", DOCUMENT, access=EDIT, tag="documents", status=204,
           summary="Delete a document from a person's record")
def delete(gw, caller, person_id: str, document_id: str):
    call(gw.clients.documents.DeleteDocument, pb.DeleteDocumentRequest(person_id=person_id, document_id=document_id))


def content_disposition(file_name: str) -> str:
    """attachment, with the name in ASCII for old clients and in full as RFC 6266/5987 filename*."""
    fallback = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_" for ch in file_name)
    return f"attachment; filename=\"{fallback or 'document'}\"; filename*=UTF-8''{quote(file_name, safe='')}"
