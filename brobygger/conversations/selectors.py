from .models import Note


def for_young_person(young_person):
    return Note.objects.filter(young_person=young_person).select_related("author")
