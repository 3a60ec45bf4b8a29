from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from brobygger.core.lists import Listed
from brobygger.tenancy import selectors as tenancy_selectors
from brobygger.tenancy.sql import as_date, scoped_organisation

from .models import Company, CompanyContact, CompanyMentor, ContactLogEntry, MentorInvitation, Offer

RUNNING_STATES = ("accepted", "active")
ACTIVE_WITHIN_DAYS = 90


def company_ids_of_mentor(user):
    return CompanyMentor.objects.filter(user=user).values_list("company_id", flat=True)


def with_people(queryset):
    return queryset.prefetch_related(
        Prefetch("contacts", queryset=CompanyContact.objects.order_by("name")),
        Prefetch("mentors", queryset=CompanyMentor.objects.select_related("user")),
    )


def pending_mentor_invitations(company):
    """Invitations sent from the company's page that nobody has opened yet and that still work."""
    return (
        MentorInvitation.objects.filter(company=company, invitation__in=tenancy_selectors.open_invitations())
        .select_related("invitation")
        .order_by("invitation__created_at")
    )


def with_counts(queryset):
    return queryset.annotate(mentor_count=Count("mentors", distinct=True)).order_by("name")


def _activities():
    from brobygger.staircase.models import Activity

    return Activity.objects.all()


def _running_placements():
    return _activities().filter(state__in=RUNNING_STATES)


# What a list of offers shows of each (companies/_offer_rows.html).
OFFER_ROW = (
    "organisation",
    "title",
    "kind",
    "hours_per_week",
    "place",
    "accommodations",
    "is_open",
    "capacity",
    "company__name",
    "esco_occupation__label",
)


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


# Written out by hand: the same five figures as ORM sub-selects cost three times as much to build
# and compile as to run (docs/decisions/0004). Each figure is one grouped pass over the
# organisation's rows (not a look-up per company), so 3,000 companies cost what five passes cost.
# Plain SQL that PostgreSQL and SQLite both read, its table names from the models; every table is
# filtered by the organisation (the active scope), the companies by the policy's queryset.
NETWORK_SQL = """
SELECT c.id, c.name, c.city, contact.day, activity.running, activity.recent, places.n, mentors.n
FROM {company} c
LEFT JOIN (SELECT company_id, MAX(day) AS day FROM {contact}
           WHERE organisation_id = %s GROUP BY company_id) contact ON contact.company_id = c.id
LEFT JOIN (SELECT company_id, SUM(CASE WHEN state IN (%s, %s) THEN 1 ELSE 0 END) AS running,
                  SUM(CASE WHEN proposed_at >= %s THEN 1 ELSE 0 END) AS recent
           FROM {activity} WHERE organisation_id = %s AND company_id IS NOT NULL
           GROUP BY company_id) activity ON activity.company_id = c.id
LEFT JOIN (SELECT company_id, SUM(capacity) AS n FROM {offer}
           WHERE organisation_id = %s AND is_open GROUP BY company_id) places ON places.company_id = c.id
LEFT JOIN (SELECT company_id, COUNT(*) AS n FROM {mentor}
           WHERE organisation_id = %s GROUP BY company_id) mentors ON mentors.company_id = c.id
WHERE c.organisation_id = %s AND c.id IN ({companies})
ORDER BY c.name, c.id
"""


def _network_sql(companies):
    tables = {
        "company": Company,
        "contact": ContactLogEntry,
        "activity": _activities().model,
        "offer": Offer,
        "mentor": CompanyMentor,
    }
    quote = connection.ops.quote_name
    return NETWORK_SQL.format(
        companies=companies, **{key: quote(model._meta.db_table) for key, model in tables.items()}
    )


def network(queryset):
    """Every company of `queryset` with its last contact, running placements, recent activities
    (proposed in the last 90 days), open places and mentors, in one query."""
    org = scoped_organisation()
    since = timezone.localdate() - timedelta(days=ACTIVE_WITHIN_DAYS)
    since_start = datetime.combine(since, time.min, tzinfo=timezone.get_current_timezone())
    companies, companies_params = queryset.order_by().values("pk").query.sql_with_params()
    since_value = connection.ops.adapt_datetimefield_value(since_start)
    params = [org, *RUNNING_STATES, since_value, org, org, org, org]
    with connection.cursor() as cursor:
        cursor.execute(_network_sql(companies), [*params, *companies_params])
        found = cursor.fetchall()
    key = Company._meta.pk
    return [
        NetworkRow(
            pk=key.to_python(pk),
            name=name,
            city=city,
            last_contact=as_date(last_contact),
            running=running or 0,
            recent_activities=recent or 0,
            places=places or 0,
            mentor_count=mentors or 0,
        )
        for pk, name, city, last_contact, running, recent, places, mentors in found
    ]


def dashboard(queryset, no_contact_days, limit=10):
    """The three lists (the first `limit` of each, which says how long it is; None: all of them) and
    the totals of the consultant's dashboard."""
    cutoff = timezone.localdate() - timedelta(days=no_contact_days)
    rows = network(queryset)
    active = [r for r in rows if r.is_active]
    free = [r for r in rows if r.free_places > 0]
    # A company with a young person there now is in touch through the placement, whatever the log says.
    not_contacted = [r for r in rows if not r.running and (r.last_contact is None or r.last_contact < cutoff)]
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
