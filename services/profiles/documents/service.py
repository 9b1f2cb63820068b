"""Use cases for documents on a person's record. They take the unit of work
first and are the only code that commits."""
from __future__ import annotations


from services.common.errors import NotFound
from services.common.uow import UnitOfWork

from ..store import PersonRepository
from .domain import Document
from .store import DocumentRepository


def upload_document(uow: UnitOfWork, *, person_id: str, title: str, summary: str, file_name: str, content: bytes,
                    user_id: str) -> Document:
    _require_person(uow, person_id)
    document = Document.upload(landlord_id=uow.landlord_id, person_id=person_id, title=title, summary=summary,
                               file_name=file_name, content=content, uploaded_by=user_id, now=uow.clock.now())
    DocumentRepository(uow.session, uow.landlord_id).add(document)
    uow.commit()
    return document


def list_documents(uow: UnitOfWork, *, person_id: str) -> list[Document]:
    """The person's documents, newest first, without their content."""
    _require_person(uow, person_id)
    return DocumentRepository(uow.session, uow.landlord_id).list_for_person(person_id)


def get_document(uow: UnitOfWork, *, person_id: str, document_id: str) -> Document:
    """One document with its content."""
    _require_person(uow, person_id)
    return _existing(DocumentRepository(uow.session, uow.landlord_id), person_id, document_id, with_content=True)


def edit_document(uow: UnitOfWork, *, person_id: str, document_id: str, title: str | None = None,
                  summary: str | None = None) -> Document:
    _require_person(uow, person_id)
    documents = DocumentRepository(uow.session, uow.landlord_id)
    document = _existing(documents, person_id, document_id)
    document.edit(title=title, summary=summary, now=uow.clock.now())
    documents.save_details(document)
    uow.commit()
    return document


def delete_document(uow: UnitOfWork, *, person_id: str, document_id: str) -> None:
    _require_person(uow, person_id)
    if not DocumentRepository(uow.session, uow.landlord_id).remove(person_id, document_id):
        raise NotFound("document not found")
    uow.commit()


def _require_person(uow: UnitOfWork, person_id: str) -> None:
    if PersonRepository(uow.session, uow.landlord_id).get(person_id) is None:
        raise NotFound("person not found")


def _existing(documents: DocumentRepository, person_id: str, document_id: str, *, with_content: bool = False):
    document = documents.get(person_id, document_id, with_content=with_content)
    if document is None:
        raise NotFound("document not found")
    return document

