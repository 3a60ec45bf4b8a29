def recent_batches(queryset, kinds, limit=20):
    """The latest imports of the kinds the reader may import."""
    return queryset.filter(kind__in=kinds).select_related("created_by").defer("content")[:limit]
