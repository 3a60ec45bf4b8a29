from django.shortcuts import redirect


def back_to(request, young_person):
    """After an action on a young person: their own page for them, the case page for staff."""
    if request.actor.young_person_id == young_person.pk:
        return redirect("portal")
    return redirect("young_person_detail", pk=young_person.pk)
