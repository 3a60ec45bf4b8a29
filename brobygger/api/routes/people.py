"""Young people (scoped as on the pages) and their pathway: status history, plan, notes, activities."""

from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from brobygger.access import policy, rules
from brobygger.access.policy import api_rule
from brobygger.access.rules import Action, FieldCategory, Kind
from brobygger.audit import services as audit
from brobygger.audit.models import LogKind
from brobygger.conversations import selectors as note_selectors
from brobygger.core.errors import Refused
from brobygger.pathways import selectors as pathway_selectors
from brobygger.pathways import services as pathway_services
from brobygger.pathways.models import StatusCode
from brobygger.people import selectors, services
from brobygger.people.forms import ReferralForm
from brobygger.staircase import selectors as activity_selectors

from .. import errors
from ..paging import Paging, paged
from ..schemas import (
    ActivityOut,
    NoteOut,
    PlanStepOut,
    StatusIn,
    StatusOut,
    YoungPersonIn,
    YoungPersonOut,
    answers,
    page_of,
)

YP = Kind.YOUNG_PERSON
router = Router(tags=["young people"])

IDENTITY_FIELDS = ("first_name", "last_name", "birth_date", "gender", "referral_date", "referral_source")
CONTACT_FIELDS = ("phone", "email")


def young_person_out(young_person, categories):
    row = {"id": young_person.pk, "external_key": young_person.external_key}
    for fields, category in ((IDENTITY_FIELDS, FieldCategory.IDENTITY), (CONTACT_FIELDS, FieldCategory.CONTACT)):
        for field in fields:
            row[field] = getattr(young_person, field) if category in categories else None
    return row


class Search(Paging):
    q: str = ""


@router.get("/young-people", response=answers(page_of(YoungPersonOut)), summary="List young people")
@api_rule(YP, Action.LIST)
def list_young_people(request, query: Query[Search]):
    """The young people the token's user may see: their team's, or (the team lead) the organisation's."""
    actor = request.actor
    term = query.q.strip()[:100]
    # The primary key breaks ties, so no one is skipped or repeated between pages.
    queryset = selectors.search(policy.visible(actor, YP, Action.LIST), term).order_by("first_name", "last_name", "pk")
    full = not actor.has_role(*rules.CONSENTED_FIELDS_ONLY)

    shown = []

    def item(young_person):
        shown.append(young_person)
        categories = set(FieldCategory.values) if full else policy.visible_categories(actor, young_person)
        return young_person_out(young_person, categories)

    page = paged(queryset, query, item)
    if term:
        audit.log_search(actor, kind=YP, criterion=term, found=shown)
    return page


@router.post("/young-people", response=answers(YoungPersonOut, 201), summary="Register a referral")
@api_rule(YP, Action.CREATE)
def create_young_person(request, body: YoungPersonIn):
    """Checked like the referral form on the pages (age 15 to 29, dates, e-mail)."""
    data = body.model_dump()
    form = ReferralForm(data={name: data[name] for name in ReferralForm.Meta.fields})
    if not form.is_valid():
        return Status(400, errors.from_form(form))
    young_person = services.create_referral(
        request.actor, data=form.cleaned_data | {"external_key": body.external_key.strip()}
    )
    return Status(201, young_person_out(young_person, set(FieldCategory.values)))


@router.get("/young-people/{pk}", response=answers(YoungPersonOut), summary="One young person")
@api_rule(YP, Action.VIEW)
def get_young_person(request, pk: UUID):
    young_person, categories = policy.young_person_for_api(request.actor, Action.VIEW, pk)
    audit.log_view(request.actor, YP, young_person, young_person)
    return young_person_out(young_person, categories)


@router.get("/young-people/{pk}/status-history", response=answers(list[StatusOut]), summary="Status history")
@api_rule(YP, Action.VIEW, FieldCategory.PLAN)
def status_history(request, pk: UUID):
    young_person, _categories = policy.young_person_for_api(request.actor, Action.VIEW, pk, FieldCategory.PLAN)
    audit.log_view(request.actor, LogKind.STATUS, young_person, young_person)
    return [_status_out(entry) for entry in pathway_selectors.status_history(young_person)]


@router.post("/young-people/{pk}/status-history", response=answers(StatusOut, 201), summary="Add a status")
@api_rule(YP, Action.CHANGE_STATUS)
def add_status(request, pk: UUID, body: StatusIn):
    """Adds a status from `valid_from` (today if left out). The history is never rewritten."""
    young_person = policy.fetch(request.actor, YP, Action.CHANGE_STATUS, pk).obj
    on = body.valid_from or timezone.localdate()
    activity = _code(StatusCode.Axis.ACTIVITY, body.activity, on)
    income = _code(StatusCode.Axis.INCOME, body.income, on) if body.income else None
    entry = pathway_services.change_status(
        request.actor, young_person, activity=activity, income=income, valid_from=on, note=body.note
    )
    return Status(201, _status_out(entry))


def _code(axis, code, on):
    found = pathway_selectors.code_named(axis, code, on)
    if found is None:
        raise Refused(_("“%(code)s” is no status code in use on %(date)s.") % {"code": code, "date": f"{on:%d-%m-%Y}"})
    return found


def _status_out(entry):
    return {
        "valid_from": entry.valid_from,
        "activity": entry.activity.code,
        "activity_label": entry.activity.label,
        "income": entry.income.code if entry.income else None,
        "income_label": entry.income.label if entry.income else None,
        "note": entry.note,
        "recorded_at": entry.recorded_at,
    }


@router.get("/young-people/{pk}/plan", response=answers(list[PlanStepOut]), summary="The plan (both tracks)")
@api_rule(YP, Action.VIEW, FieldCategory.PLAN)
def plan(request, pk: UUID):
    young_person, _categories = policy.young_person_for_api(request.actor, Action.VIEW, pk, FieldCategory.PLAN)
    audit.log_view(request.actor, Kind.PLAN_STEP, young_person, young_person)
    return [
        {"id": s.pk, "track": s.track, "goal": s.goal, "due": s.due, "done": s.done_at is not None}
        for s in pathway_selectors.steps(young_person)
    ]


@router.get("/young-people/{pk}/notes", response=answers(list[NoteOut]), summary="Conversation notes")
@api_rule(YP, Action.READ_NOTES)
def notes(request, pk: UUID):
    young_person = policy.fetch(request.actor, YP, Action.READ_NOTES, pk).obj
    audit.log_view(request.actor, Kind.NOTE, young_person, young_person)
    return [
        {
            "id": n.pk,
            "conversation_date": n.conversation_date,
            "author": n.author.get_full_name() or n.author.email,
            "text": n.text,
            "keys": n.keys,
        }
        for n in note_selectors.for_young_person(young_person)
    ]


@router.get("/young-people/{pk}/activities", response=answers(list[ActivityOut]), summary="Activities and attendance")
@api_rule(YP, Action.VIEW, FieldCategory.ACTIVITIES)
def activities(request, pk: UUID):
    young_person, _categories = policy.young_person_for_api(request.actor, Action.VIEW, pk, FieldCategory.ACTIVITIES)
    audit.log_view(request.actor, Kind.ACTIVITY, young_person, young_person)
    rows = activity_selectors.for_young_person(young_person).prefetch_related("attendance")
    return [
        {
            "id": a.pk,
            "kind": a.kind,
            "title": a.title,
            "state": a.state,
            "company_id": a.company_id,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "hours_per_week": a.hours_per_week,
            "attendance": [{"day": d.day, "present": d.present, "hours": d.hours} for d in a.attendance.all()],
        }
        for a in rows
    ]
