from django.db.models import Exists, OuterRef, Q

from .models import Consent


def active_for(young_person):
    return Consent.objects.filter(young_person=young_person, withdrawn_at__isnull=True)


def consented_categories(young_person, company_ids):
    """Union of the categories a young person currently shares with these companies."""
    categories = set()
    rows = active_for(young_person).filter(company_id__in=company_ids).values_list("categories", flat=True)
    for row in rows:
        categories.update(row)
    return categories


def history_for(young_person):
    return (
        Consent.objects.filter(young_person=young_person)
        .select_related("company", "recipient_organisation")
        .order_by("-given_at")
    )


def young_people_shared_with(organisation):
    """Young people of *other* organisations with an active consent naming this one.

    Crosses tenants on purpose, bounded by the consent rows themselves.
    """
    return (
        Consent.objects.with_scopes_disabled()
        .filter(recipient_organisation=organisation, withdrawn_at__isnull=True)
        .exclude(organisation=organisation)
        .values("young_person_id")
    )


def categories_shared_with(young_person, organisation):
    categories = set()
    rows = (
        Consent.objects.with_scopes_disabled()
        .filter(young_person=young_person, recipient_organisation=organisation, withdrawn_at__isnull=True)
        .values_list("categories", flat=True)
    )
    for row in rows:
        categories.update(row)
    return categories


def categories_by_young_person(young_person_ids, company_ids):
    """For a mentor's list: what each young person shares with these companies, in one query."""
    shared = {}
    rows = Consent.objects.filter(
        young_person_id__in=young_person_ids, company_id__in=company_ids, withdrawn_at__isnull=True
    ).values_list("young_person_id", "categories")
    for young_person_id, categories in rows:
        shared.setdefault(young_person_id, set()).update(categories)
    return shared


def consented_at_mentors_company(company_ids, through=""):
    """An object (an activity, or what `through` leads to one) at one of these companies whose
    young person has an active consent naming *that* company."""
    company = f"{through}company_id"
    consent = Consent.objects.filter(
        young_person_id=OuterRef("young_person_id"), company_id=OuterRef(company), withdrawn_at__isnull=True
    )
    return Q(**{f"{company}__in": company_ids}) & Q(Exists(consent))
