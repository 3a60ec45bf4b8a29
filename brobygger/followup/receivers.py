from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_scopes import scopes_disabled

from brobygger.pathways.selectors import current_status
from brobygger.pathways.signals import pathway_ended, status_changed
from brobygger.tenancy.models import Membership

from . import services
from .models import FeedToken, FollowUpPlan


@receiver(status_changed)
def start_aftercare(sender, actor, young_person, entry, **kwargs):
    """When a young person starts a job or an education, the follow-up plan is created."""
    if not entry.activity.positive_outcome:
        return
    if current_status(young_person) != entry:
        return  # a back-dated entry that a later status has already replaced
    if FollowUpPlan.objects.filter(young_person=young_person, closed_on__isnull=True).exists():
        return
    services.create_plan(actor, young_person)


@receiver(pathway_ended)
def check_after_exit(sender, actor, young_person, pathway, **kwargs):
    services.checks_after_end(actor, young_person, ended_on=pathway.ended_on)


@receiver(post_delete, sender=Membership)
def end_feed_with_last_membership(sender, instance, **kwargs):
    """A professional who has left every organisation has no calendar address any more."""
    with scopes_disabled():
        if not Membership.objects.filter(user_id=instance.user_id).exists():
            FeedToken.objects.filter(user_id=instance.user_id).delete()
