"""The one place that enforces `rules.RULES`, for pages and for the API.

Every denial is a 404 so that a refusal never confirms that something exists.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.views.decorators.http import require_http_methods
from django_scopes import scope

from brobygger.security import mfa, throttles

from . import rules
from .rules import Cond, FieldCategory, Kind


@dataclass(frozen=True)
class Access:
    kind: Kind | None
    action: rules.Action | None
    methods: tuple[str, ...] = ("GET",)
    public: bool = False
    login_only: bool = False
    category: str | None = None  # an API read of one field category of a young person


def _kind_queryset(kind):
    # Imported late: the access layer only reads these models, and the apps
    # that own them import the access layer.
    from brobygger.attachments.models import Attachment
    from brobygger.audit.models import AccessLog
    from brobygger.catalogue.models import Entry, SelfAssessment
    from brobygger.certificates.models import Certificate, IssuerKey
    from brobygger.community.models import Community, Group, Meeting
    from brobygger.companies.models import Company, Offer
    from brobygger.consent.models import Consent
    from brobygger.conversations.models import Note
    from brobygger.exchange.models import ImportBatch
    from brobygger.followup.models import FollowUpContact, StatusCheck
    from brobygger.matching.models import MatchWeights, Round, RoundOffer, RoundSeat
    from brobygger.outcomes.models import Attention
    from brobygger.pathways.models import PlanStep
    from brobygger.people.models import TeamMember, YoungPerson
    from brobygger.reviews.models import Review
    from brobygger.staircase.models import Activity
    from brobygger.tenancy.models import Membership

    return {
        Kind.YOUNG_PERSON: YoungPerson.objects.all,
        Kind.TEAM_MEMBER: TeamMember.objects.all,
        Kind.CONSENT: Consent.objects.all,
        Kind.COMPANY: Company.objects.all,
        Kind.MEMBERSHIP: Membership.objects.all,
        Kind.ACCESS_LOG: AccessLog.objects.all,
        Kind.PLAN_STEP: PlanStep.objects.all,
        Kind.NOTE: Note.objects.all,
        Kind.ATTACHMENT: Attachment.objects.all,
        Kind.ACTIVITY: Activity.objects.all,
        Kind.OFFER: Offer.objects.all,
        Kind.FOLLOWUP_CONTACT: FollowUpContact.objects.all,
        Kind.STATUS_CHECK: StatusCheck.objects.all,
        Kind.GROUP: Group.objects.all,
        Kind.MEETING: Meeting.objects.all,
        Kind.COMMUNITY: Community.objects.all,
        Kind.REVIEW: Review.objects.all,
        Kind.ATTENTION: Attention.objects.all,
        Kind.CERTIFICATE: Certificate.objects.all,
        Kind.ISSUER_KEY: IssuerKey.objects.all,
        Kind.MATCH_WEIGHTS: MatchWeights.objects.all,
        Kind.ROUND: Round.objects.all,
        Kind.ROUND_SEAT: RoundSeat.objects.all,
        Kind.ROUND_OFFER: RoundOffer.objects.all,
        Kind.SELF_ASSESSMENT: SelfAssessment.objects.all,
        Kind.PUBLIC_CONTENT: Entry.objects.all,
        Kind.IMPORT_BATCH: ImportBatch.objects.all,
        # Deliberately across organisations; the SHARED condition is the only
        # filter that applies to this kind (see test_rules_table_is_well_formed).
        Kind.SHARED_PERSON: YoungPerson.objects.with_scopes_disabled().all,
    }[kind]()


def conditions(actor, kind, action):
    """The conditions under which this actor may act, one per role held."""
    if not actor.is_authenticated or actor.organisation is None:
        return {}
    found = {}
    for role in sorted(actor.roles):
        cond = rules.condition(role, kind, action)
        if cond is not None:
            found.setdefault(cond, role)
    return found


def may(actor, kind, action):
    return bool(conditions(actor, kind, action))


def _young_people_on_team(user):
    from brobygger.people.models import TeamMember

    return TeamMember.objects.filter(user=user).values("young_person_id")


def _young_people_consented_to(company_ids):
    from brobygger.consent.models import Consent

    return Consent.objects.filter(withdrawn_at__isnull=True, company_id__in=company_ids).values("young_person_id")


def _activity_consented(actor, prefix=""):
    """An activity (or what `prefix` leads to one) at one of the mentor's companies
    whose young person has an active consent naming *that* company."""
    from brobygger.consent.models import Consent

    company = f"{prefix}company_id"
    consent = Consent.objects.filter(
        young_person_id=OuterRef("young_person_id"), company_id=OuterRef(company), withdrawn_at__isnull=True
    )
    return Q(**{f"{company}__in": actor.mentor_company_ids}) & Q(Exists(consent))


def _condition_q(cond, actor, kind):
    field = rules.YOUNG_PERSON_FIELD.get(kind)
    if cond == Cond.TEAM and field:
        return Q(**{f"{field}__in": _young_people_on_team(actor.user)})
    if cond == Cond.SELF and field:
        return Q(**{field: actor.young_person_id}) if actor.young_person_id else None
    if cond == Cond.CONSENT and kind == Kind.ACTIVITY:
        return _activity_consented(actor)
    if cond == Cond.CONSENT and kind == Kind.CERTIFICATE:
        return _activity_consented(actor, prefix="activity__")
    if cond == Cond.CONSENT and field:
        return Q(**{f"{field}__in": _young_people_consented_to(actor.mentor_company_ids)})
    if cond == Cond.OWN_COMPANY and kind == Kind.COMPANY:
        return Q(pk__in=actor.mentor_company_ids)
    if cond == Cond.OWN_COMPANY and kind == Kind.OFFER:
        return Q(company_id__in=actor.mentor_company_ids)
    if cond == Cond.OWN_COMPANY and kind == Kind.ROUND_OFFER:
        return Q(offer__company_id__in=actor.mentor_company_ids)
    if cond == Cond.ROUND_OWNER and kind == Kind.ROUND_SEAT:
        return Q(round__created_by=actor.user)
    if cond == Cond.SHARED and kind == Kind.SHARED_PERSON:
        from brobygger.consent.selectors import young_people_shared_with

        return Q(pk__in=young_people_shared_with(actor.organisation))
    return None  # a condition that cannot apply to this kind grants nothing


def queryset(actor, kind, action):
    """The objects of `kind` this actor may take `action` on; raises Http404 if none can be."""
    found = conditions(actor, kind, action)
    if not found:
        raise Http404
    base = _kind_queryset(kind)
    if Cond.ORG in found and kind != Kind.SHARED_PERSON:
        return base
    allowed = [q for q in (_condition_q(c, actor, kind) for c in found) if q is not None]
    if not allowed:
        return base.none()
    combined = allowed[0]
    for q in allowed[1:]:
        combined |= q
    return base.filter(combined)


def may_on(actor, kind, action, obj):
    """May the actor take `action` on this object (the same answer `get_object` gives)?"""
    return may(actor, kind, action) and queryset(actor, kind, action).filter(pk=obj.pk).exists()


def get_object(actor, kind, action, pk, queryset_hook=None):
    qs = queryset(actor, kind, action)
    if queryset_hook:
        qs = queryset_hook(qs)
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    _note_read(actor, kind, action, obj)
    return obj


def showed_nothing_of(actor, young_person):
    """The view was handed this young person but drew nothing of their data (an empty part)."""
    actor.reads.pop(young_person.pk, None)


def _note_read(actor, kind, action, obj):
    """Remember that this request was handed a young person's data: whatever the view then shows of
    it, the access log gets a row (`READ_RECORDERS`), unless the view wrote a more precise one."""
    field = rules.YOUNG_PERSON_FIELD.get(kind)
    young_person_id = (obj.pk if field == "pk" else getattr(obj, field, None)) if field else None
    if young_person_id is not None:
        actor.reads.setdefault(young_person_id, (kind, action, obj))


# Called with (actor) once a page that was handed young people's data has been answered; the access
# log registers its writer here (audit.apps), so this layer needs no import of it.
READ_RECORDERS = []


def object_and_role(actor, kind, action, pk, queryset_hook=None):
    """The object (or 404) and the role to write in the access log."""
    return get_object(actor, kind, action, pk, queryset_hook), granting_role(actor, kind, action)


def _relation_columns(actor):
    """What `relation` asks, as columns of the young person's row."""
    from brobygger.consent.models import Consent
    from brobygger.people.models import TeamMember

    columns = {"_on_team": Exists(TeamMember.objects.filter(young_person=OuterRef("pk"), user=actor.user))}
    if actor.mentor_company_ids:
        consents = Consent.objects.filter(
            young_person=OuterRef("pk"), company_id__in=actor.mentor_company_ids, withdrawn_at__isnull=True
        )
        columns["_consented"] = Exists(consents)
    return columns


def _held(actor, young_person, on_team, consented):
    held = set()
    if actor.organisation is not None and young_person.organisation_id == actor.organisation.pk:
        held.add(Cond.ORG)
        if on_team():
            held.add(Cond.TEAM)
        if actor.young_person_id == young_person.pk:
            held.add(Cond.SELF)
        if actor.mentor_company_ids and consented():
            held.add(Cond.CONSENT)
    return held


def relation(actor, young_person):
    """The conditions that hold between the actor and one young person,
    computed once per request (at most two small queries)."""
    cache = actor.__dict__.setdefault("_relations", {})
    if young_person.pk not in cache:
        from brobygger.consent.models import Consent
        from brobygger.people.models import TeamMember

        cache[young_person.pk] = _held(
            actor,
            young_person,
            on_team=TeamMember.objects.filter(young_person=young_person, user=actor.user).exists,
            consented=Consent.objects.filter(
                young_person=young_person, company_id__in=actor.mentor_company_ids, withdrawn_at__isnull=True
            ).exists,
        )
    return cache[young_person.pk]


def young_person_and_role(actor, action, pk):
    """The young person (or 404) and the role to write in the access log: the same answer as
    `get_object` on `queryset(actor, YOUNG_PERSON, action)` (tested), from one plain query that
    reads their `relation` to the actor with them."""
    found = conditions(actor, Kind.YOUNG_PERSON, action)
    if not found:
        raise Http404
    rows = _kind_queryset(Kind.YOUNG_PERSON).filter(pk=pk).annotate(**_relation_columns(actor)).order_by()
    young_person = next(iter(rows[:1]), None)
    if young_person is None:
        raise Http404
    held = _held(actor, young_person, on_team=lambda: young_person._on_team, consented=lambda: young_person._consented)
    actor.__dict__.setdefault("_relations", {})[young_person.pk] = held
    if not held & set(found):
        raise Http404
    _note_read(actor, Kind.YOUNG_PERSON, action, young_person)
    return young_person, next(iter(found.values()))


def allowed_on(actor, action, young_person):
    """May the actor take `action` on this young person? The same answer as
    `queryset(actor, YOUNG_PERSON, action)` containing them, without a query per action."""
    found = conditions(actor, Kind.YOUNG_PERSON, action)
    return bool(found) and bool(set(found) & relation(actor, young_person))


def granting_role(actor, kind, action):
    """The role to write in the access log for this action."""
    found = conditions(actor, kind, action)
    return next(iter(found.values()), "")


def visible_categories(actor, young_person):
    """Field categories of this young person the actor may see."""
    if young_person.pk == actor.young_person_id:
        return set(FieldCategory.values)
    full_roles = [
        r
        for r in actor.roles
        if r not in rules.CONSENTED_FIELDS_ONLY and rules.condition(r, Kind.YOUNG_PERSON, rules.Action.VIEW)
    ]
    if full_roles:
        return set(FieldCategory.values)
    from brobygger.consent.selectors import consented_categories

    return consented_categories(young_person, actor.mentor_company_ids)


def _declare(access, check):
    """Wrap a view: allowed methods, then `check(request)` (None to go on, or a
    response), and record `access` on the view for the permission-matrix test."""

    def decorate(view):
        @require_http_methods(list(access.methods))
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            refused = check(request)
            if refused is not None:
                return refused
            response = view(request, *args, **kwargs)
            actor = getattr(request, "actor", None)
            if request.method in ("GET", "HEAD") and response.status_code == 200 and actor is not None and actor.reads:
                for record in READ_RECORDERS:
                    record(actor)
            return response

        wrapper.access = access
        return wrapper

    return decorate


def _login_required(request):
    """Logged in and, for everyone but young people, through two-step login (security.md R3)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not mfa.passed_mfa(request) and mfa.requires_mfa(request.user, request.actor.memberships):
        return mfa.refuse_without_second_factor(request)
    return None


def rule(kind, action, methods=("GET",)):
    """Declare and enforce the rule a view follows.

    Anonymous users are sent to the login page; an authenticated user whose
    roles have no entry for (kind, action) gets a 404. Object-level checks are
    made by the view through `get_object`.
    """

    def check(request):
        refused = _login_required(request)
        if refused is None and not may(request.actor, kind, action):
            raise Http404
        if refused is None and action == rules.Action.EXPORT:
            refused = throttles.export_refused(request)
        return refused

    return _declare(Access(kind, action, tuple(methods)), check)


def public(view=None, *, methods=("GET",)):
    """Mark a view as open to everyone; it must show no tenant data."""
    decorate = _declare(Access(None, None, tuple(methods), public=True), lambda request: None)
    return decorate(view) if view is not None else decorate


def login_only(view=None, *, methods=("GET",)):
    """A view that only needs a logged-in user and shows nothing about young
    people (the home screen, switching organisation)."""
    decorate = _declare(Access(None, None, tuple(methods), login_only=True), _login_required)
    return decorate(view) if view is not None else decorate


def _declare_operation(access, check):
    """Wrap an API operation: `check(actor)` (raises Http404 to refuse), then run it in
    the organisation scope of the token's actor, and record `access` for the matrix test.
    The API authenticates before this runs; `request.auth` is the token's actor."""

    def decorate(operation):
        @wraps(operation)
        def wrapper(request, *args, **kwargs):
            if access.public:
                return operation(request, *args, **kwargs)
            actor = request.actor = request.auth
            check(actor)
            with scope(organisation=actor.organisation.pk):
                return operation(request, *args, **kwargs)

        wrapper.access = access
        return wrapper

    return decorate


def api_rule(kind, action, category=None):
    """`rule` for an API operation: a token whose roles have no entry for (kind, action) gets a 404.
    An operation that reads one field category of a young person names it; the operation then
    gets the young person through `young_person_for_api`, which also needs that category."""

    def check(actor):
        if not may(actor, kind, action):
            raise Http404

    return _declare_operation(Access(kind, action, category=category), check)


def young_person_for_api(actor, action, pk, category=None):
    """The young person (or 404), the role to log and the categories the actor sees of them."""
    young_person, role = object_and_role(actor, Kind.YOUNG_PERSON, action, pk)
    categories = visible_categories(actor, young_person)
    if category is not None and category not in categories:
        raise Http404
    return young_person, role, categories


def api_public(operation):
    """An API operation open to everyone; it must read no tenant data."""
    return _declare_operation(Access(None, None, public=True), None)(operation)


def api_login_only(operation):
    """An API operation that needs a valid token and shows nothing about young people."""
    return _declare_operation(Access(None, None, login_only=True), lambda actor: None)(operation)
