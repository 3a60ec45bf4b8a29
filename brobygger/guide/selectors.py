from brobygger.catalogue.search import fold, words

from .models import Audience, GlossaryTerm, GuidePage


def pages():
    return GuidePage.objects.all()


def pages_by_audience():
    grouped = {value: [] for value in Audience.values}
    for page in pages():
        grouped[page.audience].append(page)
    return [(Audience(value), grouped[value]) for value in Audience.values]


def page(audience, topic):
    return GuidePage.objects.filter(audience=audience, topic=topic).first()


def other_version(page):
    return GuidePage.objects.filter(topic=page.topic).exclude(audience=page.audience).first()


def terms(text=""):
    """Glossary terms containing every word of `text` (either spelling of æ/ø/å),
    those where the municipality's word itself matches first."""
    wanted = words(text)[:8]
    qs = GlossaryTerm.objects.all()
    for word in wanted:
        qs = qs.filter(search_text__contains=word)
    if not wanted:
        return list(qs)
    return sorted(qs, key=lambda t: not all(w in fold(t.municipal_term) for w in wanted))


def terms_for_topic(topic):
    return GlossaryTerm.objects.filter(guide_topic=topic)


def term(slug):
    return GlossaryTerm.objects.filter(slug=slug).first()
