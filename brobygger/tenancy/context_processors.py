def actor(request):
    return {"actor": getattr(request, "actor", None)}
