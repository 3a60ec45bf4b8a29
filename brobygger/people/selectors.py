from datetime import timedelta

from django.db.models import CharField, Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils import timezone

from .models import TeamMember, TeamRole, YoungPerson


def young_person_of_user(user):
    return YoungPerson.objects.filter(user=user).first()


def with_entry_point(queryset):
    """Young people as a list shows them: name, and their entry point's (primary counsellor's) name
    read in the same query."""
    full_name = Trim(Concat("user__first_name", Value(" "), "user__last_name"))
    name = Coalesce(NullIf(full_name, Value("")), "user__email", output_field=CharField())  # User.display_name
    entry_point = TeamMember.objects.filter(young_person=OuterRef("pk"), is_primary=True).values(name=name)[:1]
    return queryset.only("pk", "organisation", "first_name", "last_name", "birth_date").annotate(
        entry_point=Subquery(entry_point)
    )


def search(queryset, term):
    term = (term or "").strip()
    if not term:
        return queryset
    q = Q()
    for word in term.split()[:5]:
        q &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
    return queryset.filter(q)


def caseload_counts():
    """Number of young people per counsellor in the active organisation, for distribution."""
    return (
        TeamMember.objects.filter(role=TeamRole.COUNSELLOR)
        .values("user_id", "user__first_name", "user__last_name")
        .annotate(young_people=Count("young_person_id"))
        .order_by("user__first_name")
    )


def without_counsellor(queryset):
    # The organisation inside the subquery lets PostgreSQL read only this organisation's seats
    # (without it, it hashes the seats of every organisation: 7.5 ms at municipal scale).
    counsellor = TeamMember.objects.filter(
        young_person=OuterRef("pk"), organisation=OuterRef("organisation"), role=TeamRole.COUNSELLOR
    )
    return queryset.filter(~Exists(counsellor))


def recent_referrals(queryset, days=30):
    return queryset.filter(referral_date__gte=timezone.localdate() - timedelta(days=days))


def team_of(young_person):
    return young_person.team_members.select_related("user")


def team_across_organisations(young_person):
    """The team of a young person shared with another organisation by consent."""
    return TeamMember.objects.with_scopes_disabled().filter(young_person=young_person).select_related("user")


def counsellor_of(young_person):
    """The young person's counsellor: the entry point first, else the first counsellor on the team."""
    seat = (
        TeamMember.objects.filter(young_person=young_person, role=TeamRole.COUNSELLOR)
        .order_by("-is_primary", "added_at")
        .select_related("user")
        .first()
    )
    return seat.user if seat else None


def own_young_person(actor):
    """The young person who is logged in, or None."""
    return actor.young_person


MIN_WORD = 3


def identifying_words(young_person):
    """The words that name the young person, longest first: what erasure looks for in uploaded files."""
    words = [
        young_person.full_name,
        young_person.first_name,
        young_person.last_name,
        young_person.email,
        young_person.phone,
        young_person.external_key,
        young_person.cpr,
    ]
    return sorted({w.strip() for w in words if w and len(w.strip()) >= MIN_WORD}, key=len, reverse=True)
