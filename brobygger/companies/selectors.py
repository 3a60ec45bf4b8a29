from django.db.models import Count, Prefetch

from .models import CompanyContact, CompanyMentor


def company_ids_of_mentor(user):
    return CompanyMentor.objects.filter(user=user).values_list("company_id", flat=True)


def with_people(queryset):
    return queryset.prefetch_related(
        Prefetch("contacts", queryset=CompanyContact.objects.order_by("name")),
        Prefetch("mentors", queryset=CompanyMentor.objects.select_related("user")),
    )


def with_counts(queryset):
    return queryset.annotate(mentor_count=Count("mentors", distinct=True))
