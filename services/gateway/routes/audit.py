from .. import user_admin
from ..api import landlord_user
from ..privileges import Privilege
from ..schemas import AuditList, PageQuery
from . import api


@api.route("GET", "/api/v1/audit-log", access=landlord_user(Privilege.MANAGE_USERS), tag="users", query=PageQuery,
           response=AuditList, summary="Administrative actions: who did what to whom, when (newest first)")
def audit_log(gw, caller, query: PageQuery):
    with gw.uow(caller.landlord_id) as uow:
        total, entries = user_admin.audit_page(uow, caller=caller, page=query.page, page_size=query.page_size)
    return {"total": total, "items": [{**e, "at": e["at"].isoformat()} for e in entries]}
