from .models import Activity


def for_young_person(young_person):
    return Activity.objects.filter(young_person=young_person).select_related("company")


def proposed(young_person):
    return for_young_person(young_person).filter(state=Activity.State.PROPOSED)
