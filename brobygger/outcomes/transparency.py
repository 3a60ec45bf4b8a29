from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import plain, register

from .models import Attention, Response

register(
    Response,
    key="measures",
    title=_("Your answers about how you are"),
    rows=lambda yp: Response.objects.filter(young_person=yp),
    template="portal/sections/measures.html",
    export=lambda r: {
        "measure": r.definition.title["da"],
        "answered": plain(r.answered_at),
        "how": r.get_mode_display(),
        "answers": r.answers,
        "score": plain(r.score),
    },
    order=36,
    preview=5,
)
register(
    Attention,
    key="attention",
    title=_("When your counsellor gets in touch because of your answers"),
    rows=lambda yp: Attention.objects.filter(young_person=yp).select_related("for_user"),
    template="portal/sections/attention.html",
    export=lambda a: {"created": plain(a.created_at), "who": a.for_user.display_name, "done": plain(a.done_at)},
    order=37,
)
