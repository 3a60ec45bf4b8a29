from django import template

register = template.Library()


@register.filter
def on_track(steps, track):
    return [s for s in steps if s.track == track]
