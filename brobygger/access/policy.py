"""The one place that enforces `rules.RULES`, for pages and for the API.

Every denial is a 404 so that a refusal never confirms that something exists.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, NamedTuple, Protocol, cast

from django.contrib.auth.views import redirect_to_login
from django.db.models import BooleanField, ExpressionWrapper, Model, Q, QuerySet
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_http_methods
from django_scopes import scope

from brobygger.security import mfa, throttles

from . import kinds, rules
from .actor import Actor
from .rules import Action, Cond, FieldCategory, Kind

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class Access:
    kind: Kind | None
    action: rules.Action | None
    methods: tuple[str, ...] = ("GET",)
    public: bool = False
    login_only: bool = False
    category: str | None = None  # an API read of one field category of a young person


Refine = Callable[[QuerySet[Any]], QuerySet[Any]]


class Declared(Protocol):
    access: Access

    def __call__(self, *args: Any, **kwargs: Any) -> HttpResponse: ...


def declared(view: View, access: Access) -> View:
    """Record on the view the rule it follows (the permission-matrix test reads it)."""
    cast(Declared, view).access = access
    return view


class Grant(NamedTuple):
    """An object the actor may act on, and the role of theirs that allows it (what the access log names)."""

    obj: Any
    role: str


def conditions(actor: Actor, kind: Kind, action: Action) -> dict[Cond, str]:
    """The conditions under which this actor may act, one per role held."""
    if not actor.is_authenticated or actor.organisation is None:
        return {}
    found: dict[Cond, str] = {}
    for role in sorted(actor.roles):
        cond = rules.condition(role, kind, action)
        if cond is not None:
            found.setdefault(cond, role)
    return found


def may(actor: Actor, kind: Kind, action: Action) -> bool:
    return bool(conditions(actor, kind, action))


def _condition_q(cond: Cond, actor: Actor, kind: Kind) -> Q | None:
    """The one evaluator of a condition: the query its objects answer. A kind's own condition (its
    app registers it) comes first; then the conditions about the young person the object names."""
    entry = kinds.entry(kind)
    own = entry.conditions.get(cond)
    if own is not None:
        return own(actor)
    field = entry.young_person_field
    if field is None:
        return None  # a condition that cannot apply to this kind grants nothing
    if cond == Cond.SELF:
        return Q(**{field: actor.young_person_id}) if actor.young_person_id else None
    young_person_ids = kinds.young_person_condition(cond)
    if young_person_ids is None:
        return None
    return Q(**{f"{field}__in": young_person_ids(actor)})


def visible(actor: Actor, kind: Kind, action: Action) -> QuerySet[Any]:
    """The objects of `kind` this actor may take `action` on; raises Http404 if none can be."""
    found = conditions(actor, kind, action)
    if not found:
        raise Http404
    base = kinds.entry(kind).objects()
    # A shared young person is across organisations: only the SHARED condition filters that kind.
    if Cond.ORG in found and kind != Kind.SHARED_PERSON:
        return base
    allowed = [q for q in (_condition_q(c, actor, kind) for c in found) if q is not None]
    if not allowed:
        return base.none()
    combined = allowed[0]
    for q in allowed[1:]:
        combined |= q
    return base.filter(combined)


def allowed_among(actor: Actor, kind: Kind, action: Action, objects: Iterable[Model]) -> set[Any]:
    """The primary keys of those of `objects` the actor may take `action` on, in one query: a page
    that lists objects links only to those its reader may open (user-walk.md item 8)."""
    keys = {obj.pk for obj in objects}
    if not keys or not may(actor, kind, action):
        return set()
    return set(visible(actor, kind, action).filter(pk__in=keys).values_list("pk", flat=True))


def may_on(actor: Actor, kind: Kind, action: Action, obj: Model) -> bool:
    """May the actor take `action` on this object (the same answer `fetch` gives)?"""
    return may(actor, kind, action) and visible(actor, kind, action).filter(pk=obj.pk).exists()


def fetch(actor: Actor, kind: Kind, action: Action, pk: object, refine: Refine | None = None) -> Grant:
    """The object (or 404) and the role that allows the action; `refine(queryset)` may add
    `select_related` and the like. The role goes on the actor, for the access log to name."""
    if kind == Kind.YOUNG_PERSON:
        obj = _young_person(actor, action, pk, refine)
    else:
        queryset = visible(actor, kind, action)
        obj = (refine(queryset) if refine else queryset).filter(pk=pk).first()
    if obj is None:
        raise Http404
    _note_read(actor, kind, action, obj)
    grant = Grant(obj, granting_role(actor, kind, action))
    actor.acting_role = grant.role
    return grant


def _note_read(actor: Actor, kind: Kind, action: Action, obj: Model) -> None:
    """Remember that this request was handed a young person's data: whatever the view then shows of
    it, the access log gets a row (`READ_RECORDERS`), unless the view wrote a more precise one."""
    field = kinds.entry(kind).young_person_field
    young_person_id = (obj.pk if field == "pk" else getattr(obj, field, None)) if field else None
    if young_person_id is not None:
        actor.reads.setdefault(young_person_id, (kind, action, obj))


# Called with (actor) once a page that was handed young people's data has been answered; the access
# log registers its writer here (audit.apps), so this layer needs no import of it.
READ_RECORDERS: list[Callable[[Actor], None]] = []

# The conditions that can hold between an actor and a young person beyond being in the organisation.
_RELATIONS = (Cond.TEAM, Cond.CONSENT)


def _relation_queries(actor: Actor) -> dict[Cond, Q]:
    """What `relation` asks, as the evaluator's own queries on the young person's row."""
    queries = {}
    for cond in _RELATIONS:
        if cond == Cond.CONSENT and not actor.mentor_company_ids:
            continue
        q = _condition_q(cond, actor, Kind.YOUNG_PERSON)
        if q is not None:
            queries[cond] = q
    return queries


def _held(actor: Actor, young_person: Any, holds: Callable[[Cond], bool]) -> set[Cond]:
    held: set[Cond] = set()
    if actor.organisation is not None and young_person.organisation_id == actor.organisation.pk:
        held.add(Cond.ORG)
        held.update(cond for cond in _RELATIONS if holds(cond))
        if actor.young_person_id == young_person.pk:
            held.add(Cond.SELF)
    return held


def relation(actor: Actor, young_person: Model) -> set[Cond]:
    """The conditions that hold between the actor and one young person,
    computed once per request (at most two small queries)."""
    cache = actor.relations
    if young_person.pk not in cache:
        queries = _relation_queries(actor)
        rows = kinds.entry(Kind.YOUNG_PERSON).objects().filter(pk=young_person.pk)
        cache[young_person.pk] = _held(
            actor, young_person, lambda cond: cond in queries and rows.filter(queries[cond]).exists()
        )
    return cache[young_person.pk]


def _young_person(actor: Actor, action: Action, pk: object, refine: Refine | None) -> Model | None:
    """The young person, if the actor may take `action` on them: the same answer as `visible`
    (tested), from one plain query that reads their `relation` to the actor with them."""
    found = conditions(actor, Kind.YOUNG_PERSON, action)
    if not found:
        raise Http404
    queries = _relation_queries(actor)
    columns = {f"_holds_{cond}": ExpressionWrapper(q, output_field=BooleanField()) for cond, q in queries.items()}
    rows = kinds.entry(Kind.YOUNG_PERSON).objects().filter(pk=pk).annotate(**columns).order_by()
    young_person = next(iter((refine(rows) if refine else rows)[:1]), None)
    if young_person is None:
        return None
    held = _held(actor, young_person, lambda cond: bool(getattr(young_person, f"_holds_{cond}", False)))
    actor.relations[young_person.pk] = held
    return young_person if held & set(found) else None


def allowed_on(actor: Actor, action: Action, young_person: Model) -> bool:
    """May the actor take `action` on this young person? The same answer as
    `visible(actor, YOUNG_PERSON, action)` containing them, without a query per action."""
    found = conditions(actor, Kind.YOUNG_PERSON, action)
    return bool(found) and bool(set(found) & relation(actor, young_person))


def granting_role(actor: Actor, kind: Kind, action: Action) -> str:
    """The role to write in the access log for this action."""
    found = conditions(actor, kind, action)
    return next(iter(found.values()), "")


def visible_categories(actor: Actor, young_person: Model) -> set[str]:
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
    return kinds.consented_categories(young_person, actor.mentor_company_ids)


def _declare(access: Access, check: Callable[[Any], HttpResponse | None]) -> Callable[[View], View]:
    """Wrap a view: allowed methods, then `check(request)` (None to go on, or a
    response), and record `access` on the view for the permission-matrix test."""

    def decorate(view: View) -> View:
        @require_http_methods(list(access.methods))
        @wraps(view)
        def wrapper(request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
            refused = check(request)
            if refused is not None:
                return refused
            response = view(request, *args, **kwargs)
            actor = getattr(request, "actor", None)
            if request.method in ("GET", "HEAD") and response.status_code == 200 and actor is not None and actor.reads:
                for record in READ_RECORDERS:
                    record(actor)
            return response

        return declared(wrapper, access)

    return decorate


def _login_required(request: Any) -> HttpResponse | None:
    """Logged in and, for everyone but young people, through two-step login (security.md R3)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not mfa.passed_mfa(request) and mfa.requires_mfa(request.user, request.actor.memberships):
        return mfa.refuse_without_second_factor(request)
    return None


def rule(kind: Kind, action: Action, methods: Iterable[str] = ("GET",)) -> Callable[[View], View]:
    """Declare and enforce the rule a view follows.

    Anonymous users are sent to the login page; an authenticated user whose
    roles have no entry for (kind, action) gets a 404. Object-level checks are
    made by the view through `fetch`.
    """

    def check(request: Any) -> HttpResponse | None:
        refused = _login_required(request)
        if refused is None and not may(request.actor, kind, action):
            raise Http404
        if refused is None:
            request.actor.acting_role = granting_role(request.actor, kind, action)
        if refused is None and action == rules.Action.EXPORT:
            refused = throttles.export_refused(request)
        return refused

    return _declare(Access(kind, action, tuple(methods)), check)


def public(view: View | None = None, *, methods: Iterable[str] = ("GET",)) -> Any:
    """Mark a view as open to everyone; it must show no tenant data."""
    decorate = _declare(Access(None, None, tuple(methods), public=True), lambda request: None)
    return decorate(view) if view is not None else decorate


def login_only(view: View | None = None, *, methods: Iterable[str] = ("GET",)) -> Any:
    """A view that only needs a logged-in user and shows nothing about young
    people (the home screen, switching organisation)."""
    decorate = _declare(Access(None, None, tuple(methods), login_only=True), _login_required)
    return decorate(view) if view is not None else decorate


def _declare_operation(access: Access, check: Callable[[Actor], None] | None) -> Callable[[View], View]:
    """Wrap an API operation: `check(actor)` (raises Http404 to refuse), then run it in
    the organisation scope of the token's actor, and record `access` for the matrix test.
    The API authenticates before this runs; `request.auth` is the token's actor."""

    def decorate(operation: View) -> View:
        @wraps(operation)
        def wrapper(request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
            if access.public:
                return operation(request, *args, **kwargs)
            actor = request.actor = request.auth
            if check is not None:
                check(actor)
            with scope(organisation=actor.organisation.pk):
                return operation(request, *args, **kwargs)

        return declared(wrapper, access)

    return decorate


def api_rule(kind: Kind, action: Action, category: str | None = None) -> Callable[[View], View]:
    """`rule` for an API operation: a token whose roles have no entry for (kind, action) gets a 404.
    An operation that reads one field category of a young person names it; the operation then
    gets the young person through `young_person_for_api`, which also needs that category."""

    def check(actor: Actor) -> None:
        if not may(actor, kind, action):
            raise Http404
        actor.acting_role = granting_role(actor, kind, action)

    return _declare_operation(Access(kind, action, category=category), check)


def young_person_for_api(actor: Actor, action: Action, pk: object, category: str | None = None) -> tuple[Any, set[str]]:
    """The young person (or 404) and the categories the actor sees of them."""
    young_person = fetch(actor, Kind.YOUNG_PERSON, action, pk).obj
    categories = visible_categories(actor, young_person)
    if category is not None and category not in categories:
        raise Http404
    return young_person, categories


def api_public(operation: View) -> View:
    """An API operation open to everyone; it must read no tenant data."""
    return _declare_operation(Access(None, None, public=True), None)(operation)


def api_login_only(operation: View) -> View:
    """An API operation that needs a valid token and shows nothing about young people."""
    return _declare_operation(Access(None, None, login_only=True), lambda actor: None)(operation)
