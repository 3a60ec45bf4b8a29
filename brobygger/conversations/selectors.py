from .models import Note


def for_young_person(young_person):
    return Note.objects.filter(young_person=young_person).select_related("author")


def latest(young_person, count):
    """The newest `count` notes, and whether there are more."""
    rows = list(for_young_person(young_person)[: count + 1])
    return rows[:count], len(rows) > count
