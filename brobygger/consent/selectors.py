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
