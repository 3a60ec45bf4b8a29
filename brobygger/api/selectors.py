from .models import AccessToken


def tokens_of(actor):
    """The actor's own tokens in their active organisation."""
    return AccessToken.objects.filter(user=actor.user)


def own_token(actor, pk):
    return tokens_of(actor).filter(pk=pk).first()
