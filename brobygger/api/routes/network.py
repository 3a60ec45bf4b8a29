"""The company network (companies, offers), follow-up contacts and the anonymised outcome figures."""

from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from brobygger.access import policy
from brobygger.access.policy import api_rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.audit.models import LogAction, LogKind
from brobygger.catalogue import selectors as catalogue_selectors
from brobygger.companies import services as company_services
from brobygger.companies.cvr import normalise as normalise_cvr
from brobygger.core.errors import Refused
from brobygger.outcomes import open_data

from ..paging import Paging, paged
from ..schemas import CompanyIn, CompanyOut, FigureRow, FollowUpOut, OfferIn, OfferOut, answers, page_of

CP, OFFER = Kind.COMPANY, Kind.OFFER
router = Router(tags=["companies and offers"])
figures_router = Router(tags=["follow-up and outcomes"])

COMPANY_FIELDS = ("id", "name", "cvr", "address", "postcode", "city", "sector")
OFFER_FIELDS = (
    "id",
    "external_key",
    "company_id",
    "kind",
    "title",
    "description",
    "capacity",
    "hours_per_week",
    "place",
    "postcode",
    "is_open",
)


def fields_of(obj, names):
    return {name: getattr(obj, name) for name in names}


@router.get("/companies", response=answers(page_of(CompanyOut)), summary="List companies")
@api_rule(CP, Action.LIST)
def list_companies(request, query: Query[Paging]):
    return paged(policy.visible(request.actor, CP, Action.LIST), query, lambda c: fields_of(c, COMPANY_FIELDS))


@router.post("/companies", response=answers(CompanyOut, 201), summary="Add a company")
@api_rule(CP, Action.CREATE)
def create_company(request, body: CompanyIn):
    data = body.model_dump() | {"cvr": normalise_cvr(body.cvr)}
    return Status(201, fields_of(company_services.create_company(request.actor, data=data), COMPANY_FIELDS))


@router.get("/companies/{pk}", response=answers(CompanyOut), summary="One company")
@api_rule(CP, Action.VIEW)
def get_company(request, pk: UUID):
    return fields_of(policy.fetch(request.actor, CP, Action.VIEW, pk).obj, COMPANY_FIELDS)


class OfferFilter(Paging):
    company_id: UUID | None = None
    open: bool | None = Field(None, description="Only open (true) or only closed (false) offers.")


@router.get("/offers", response=answers(page_of(OfferOut)), summary="List offers")
@api_rule(OFFER, Action.LIST)
def list_offers(request, query: Query[OfferFilter]):
    queryset = policy.visible(request.actor, OFFER, Action.LIST).order_by("company__name", "title", "pk")
    if query.company_id:
        queryset = queryset.filter(company_id=query.company_id)
    if query.open is not None:
        queryset = queryset.filter(is_open=query.open)
    return paged(queryset, query, lambda o: fields_of(o, OFFER_FIELDS))


@router.post("/offers", response=answers(OfferOut, 201), summary="Add an offer to a company")
@api_rule(CP, Action.CREATE_OFFER)
def create_offer(request, body: OfferIn):
    """The company must be one of the organisation's; an ID from anywhere else is refused like an unknown one."""
    company = policy.visible(request.actor, CP, Action.CREATE_OFFER).filter(pk=body.company_id).first()
    if company is None:
        raise Refused(_("There is no company with that ID."))
    data = body.model_dump(exclude={"company_id"})
    return Status(201, fields_of(company_services.create_offer(company, data=data), OFFER_FIELDS))


class FollowUpFilter(Paging):
    open: bool | None = Field(None, description="Only contacts not yet done (true) or only done ones (false).")


@figures_router.get("/follow-ups", response=answers(page_of(FollowUpOut)), summary="Follow-up contacts")
@api_rule(Kind.FOLLOWUP_CONTACT, Action.LIST)
def list_follow_ups(request, query: Query[FollowUpFilter]):
    queryset = policy.visible(request.actor, Kind.FOLLOWUP_CONTACT, Action.LIST).order_by("due_on", "pk")
    if query.open is not None:
        queryset = queryset.filter(done_on__isnull=query.open)
    fields = ("id", "young_person_id", "due_on", "done_on", "reached", "how_it_goes")
    return paged(queryset, query, lambda c: fields_of(c, fields))


class Year(Schema):
    year: int | None = Field(None, ge=2000, le=2100, description="The calendar year; this year if left out.")


@figures_router.get("/outcomes", response=answers(list[FigureRow]), summary="Outcome figures (anonymised)")
@api_rule(Kind.FIGURES, Action.VIEW)
def outcomes(request, query: Query[Year]):
    """The organisation's figures for a year, as in its open data: counts under 3 hidden."""
    actor = request.actor
    year = query.year or timezone.localdate().year
    audit.log(actor, LogAction.VIEW, kind=LogKind.FIGURES, criterion=f"api year={year}")
    initiatives = catalogue_selectors.initiatives_of([actor.organisation])
    return open_data.rows_for(actor.organisation, initiatives, year, today=timezone.localdate())
