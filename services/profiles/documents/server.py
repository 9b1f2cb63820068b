"""The PersonDocuments gRPC servicer: proto -> use case -> proto, nothing else."""
from __future__ import annotations

from services.common import context
from services.common.context import require_landlord
from services.gen.tracker.profiles.v1 import documents_service_pb2 as pb, documents_service_pb2_grpc as pb_grpc

from . import service
from .domain import Document


class PersonDocumentsServicer(pb_grpc.PersonDocumentsServicer):
    def __init__(self, runtime):
        self._runtime = runtime

    def UploadDocument(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            document = service.upload_document(
                uow, person_id=request.person_id, title=request.title, summary=request.summary,
                file_name=request.file_name, content=request.content, user_id=context.current().user_id)
        return document_message(document)

    def ListDocuments(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            documents = service.list_documents(uow, person_id=request.person_id)
        return pb.ListDocumentsResponse(documents=[document_message(d) for d in documents])

    def GetDocument(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            document = service.get_document(uow, person_id=request.person_id, document_id=request.document_id)
        return document_message(document)

    def EditDocument(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            document = service.edit_document(
                uow, person_id=request.person_id, document_id=request.document_id,
                title=request.title if request.HasField("title") else None,
                summary=request.summary if request.HasField("summary") else None)
        return document_message(document)

    def DeleteDocument(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            service.delete_document(uow, person_id=request.person_id, document_id=request.document_id)
        return pb.DeleteDocumentResponse()


def document_message(document: Document) -> pb.Document:
    return pb.Document(
        document_id=document.document_id, person_id=document.person_id, title=document.title,
        summary=document.summary, file_name=document.file_name, content_type=document.content_type,
        size_bytes=document.size_bytes, sha256=document.sha256, uploaded_at=document.uploaded_at.isoformat(),
        uploaded_by=document.uploaded_by, updated_at=document.updated_at.isoformat(),
        content=document.content or b"")
