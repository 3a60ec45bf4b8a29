"""The public catalogue of initiatives, and who the token belongs to."""

from django.http import Http404
from ninja import Query, Router

from brobygger.access.policy import api_login_only, api_public
from brobygger.catalogue import selectors as catalogue_selectors
from brobygger.catalogue.selectors import Filters

from ..paging import Paging, paged
from ..schemas import CatalogueEntryOut, Me, answers, page_of

router = Router(tags=["catalogue"])
me_router = Router(tags=["token"])

ENTRY_FIELDS = (
    "slug",
    "name",
    "owner",
    "phase",
    "target_group",
    "purpose",
    "results",
    "company_based",
    "figures",
    "sources",
)


def entry_out(entry):
    return {name: getattr(entry, name) for name in ENTRY_FIELDS}


class CatalogueSearch(Paging):
    q: str = ""


@router.get(
    "/catalogue", response=answers(page_of(CatalogueEntryOut), public=True), auth=None, summary="Search the catalogue"
)
@api_public
def list_entries(request, query: Query[CatalogueSearch]):
    """The public catalogue of initiatives, searched as on the catalogue page. Needs no token."""
    return paged(catalogue_selectors.entries(Filters(text=query.q[:200])), query, entry_out)


@router.get(
    "/catalogue/{slug}", response=answers(CatalogueEntryOut, public=True), auth=None, summary="One catalogue entry"
)
@api_public
def get_entry(request, slug: str):
    entry = catalogue_selectors.entry(slug)
    if entry is None:
        raise Http404
    return entry_out(entry)


@me_router.get("/me", response=answers(Me), summary="Who the token acts as")
@api_login_only
def me(request):
    actor = request.auth
    return {
        "name": actor.user.get_full_name() or actor.user.email,
        "email": actor.user.email,
        "organisation": actor.organisation.name,
        "roles": sorted(actor.roles),
    }
