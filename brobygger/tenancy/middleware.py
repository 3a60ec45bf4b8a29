from django_scopes import scope

from .selectors import actor_of


class TenantScopeMiddleware:
    """Attaches `request.actor` and activates the organisation scope.

    Without an active organisation no scope is activated, so every query on a
    tenant model raises ScopeError: unscoped access fails closed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        actor = actor_of(request)
        request.actor = actor
        if actor.organisation is None:
            return self.get_response(request)
        with scope(organisation=actor.organisation.pk):
            return self.get_response(request)
