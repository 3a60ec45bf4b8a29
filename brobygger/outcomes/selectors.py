from .models import Attention, Response


def responses_of(young_person):
    return Response.objects.filter(young_person=young_person)


def open_attentions_for(user):
    return Attention.objects.filter(for_user=user, done_at__isnull=True).select_related("young_person", "response")


def open_attentions():
    return Attention.objects.filter(done_at__isnull=True).select_related("young_person", "response", "for_user")
