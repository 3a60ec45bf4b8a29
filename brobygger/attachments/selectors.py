from .models import Attachment


def for_young_person(young_person):
    return list(Attachment.objects.filter(young_person=young_person).select_related("uploaded_by"))
