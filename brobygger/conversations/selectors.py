from django.db.models import OuterRef, Subquery

from .models import Note


def for_young_person(young_person):
    return Note.objects.filter(young_person=young_person).select_related("author")


def latest(young_person, count):
    """The newest `count` notes, and whether there are more."""
    rows = list(for_young_person(young_person)[: count + 1])
    return rows[:count], len(rows) > count


def young_people_noted_since(day):
    """The young people a conversation was written with on `day` or after (ids, for a subquery)."""
    return Note.objects.filter(conversation_date__gte=day).values("young_person_id")


def last_note_day():
    """The day of the latest conversation with the young person of the outer row (a subquery)."""
    latest_first = Note.objects.filter(young_person=OuterRef("pk")).order_by("-conversation_date")
    return Subquery(latest_first.values("conversation_date")[:1])
