from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, IntegerField, Max, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from brobygger.web.lists import Listed

from .models import Company, CompanyContact, CompanyMentor, ContactLogEntry, Offer

RUNNING_STATES = ("accepted", "active")
ACTIVE_WITHIN_DAYS = 90


def company_ids_of_mentor(user):
    return CompanyMentor.objects.filter(user=user).values_list("company_id", flat=True)


def with_people(queryset):
    return queryset.prefetch_related(
        Prefetch("contacts", queryset=CompanyContact.objects.order_by("name")),
        Prefetch("mentors", queryset=CompanyMentor.objects.select_related("user")),
    )


def with_counts(queryset):
    return queryset.annotate(mentor_count=Count("mentors", distinct=True)).order_by("name")


def _activities():
    from brobygger.staircase.models import Activity

    return Activity.objects.all()


def _running_placements():
    return _activities().filter(state__in=RUNNING_STATES)


def offers_with_free_places(queryset):
    """Each offer with `taken` (running placements from it) and `free` places."""
    taken = (
        _running_placements()
        .filter(offer_id=OuterRef("pk"))
        .order_by()
        .values("offer_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(taken=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0))).annotate(
        free=F("capacity") - F("taken")
    )


@dataclass
class NetworkRow:
    pk: object
    name: str
    city: str
    last_contact: object = None
    running: int = 0
    recent_activities: int = 0
    places: int = 0
    mentor_count: int = 0

    @property
    def free_places(self):
        return max(self.places - self.running, 0)

    @property
    def is_active(self):
        return self.running > 0 or self.recent_activities > 0


def _per_company(queryset, aggregate, default):
    """`aggregate` over the company's rows of `queryset`, as a column of the company's row."""
    rows = queryset.filter(company_id=OuterRef("pk")).order_by().values("company_id")
    value = Subquery(rows.annotate(n=aggregate).values("n"))
    return value if default is None else Coalesce(value, Value(default))


def network(queryset):
    """Every company with its last contact, running placements, recent activities, open places
    and mentors, in one query (each figure a sub-select on the company's rows, read by index)."""
    since = timezone.localdate() - timedelta(days=ACTIVE_WITHIN_DAYS)
    companies = queryset.order_by("name").annotate(
        last_contact=_per_company(ContactLogEntry.objects.all(), Max("day"), None),
        running=_per_company(_running_placements(), Count("pk"), 0),
        recent_activities=_per_company(_activities().filter(proposed_at__date__gte=since), Count("pk"), 0),
        places=_per_company(Offer.objects.filter(is_open=True), Sum("capacity"), 0),
        mentor_count=_per_company(CompanyMentor.objects.all(), Count("pk"), 0),
    )
    return [NetworkRow(**row) for row in companies.values("pk", "name", "city", *NETWORK_FIGURES)]


NETWORK_FIGURES = ("last_contact", "running", "recent_activities", "places", "mentor_count")


def dashboard(queryset, no_contact_days, limit=10):
    """The three lists (the first `limit` of each, which says how long it is) and the totals of the
    consultant's dashboard."""
    cutoff = timezone.localdate() - timedelta(days=no_contact_days)
    rows = network(queryset)
    active = [r for r in rows if r.is_active]
    free = [r for r in rows if r.free_places > 0]
    not_contacted = [r for r in rows if r.last_contact is None or r.last_contact < cutoff]
    return {
        "totals": {
            "companies": len(rows),
            "active": len(active),
            "with_free_places": len(free),
            "not_contacted": len(not_contacted),
        },
        "active": Listed(sorted(active, key=lambda r: (-r.running, r.name))[:limit], len(active)),
        "free": Listed(sorted(free, key=lambda r: (-r.free_places, r.name))[:limit], len(free)),
        "not_contacted": Listed(
            sorted(not_contacted, key=lambda r: (r.last_contact or date.min, r.name))[:limit], len(not_contacted)
        ),
        "cutoff": cutoff,
    }


def offers_of(company):
    return offers_with_free_places(Offer.objects.filter(company=company).select_related("esco_occupation"))


def contact_log(company, limit=20):
    return ContactLogEntry.objects.filter(company=company).select_related("user")[:limit]


def placement_history(company):
    return _activities().filter(company=company).order_by("-proposed_at")


def open_offers():
    return offers_with_free_places(Offer.objects.filter(is_open=True).select_related("company", "esco_occupation"))


def companies_for_mentor(user):
    return Company.objects.filter(mentors__user=user)
