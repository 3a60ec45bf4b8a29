from django.urls import path

from . import views

EXPORTS = {
    "companies": views.export_companies,
    "offers": views.export_offers,
    "young-people": views.export_young_people,
    "status-history": views.export_status_history,
}

urlpatterns = [
    path("exchange/", views.exchange_home, name="exchange"),
    path("exchange/<int:pk>/", views.batch_detail, name="exchange_batch"),
    path("exchange/<int:pk>/import/", views.batch_import, name="exchange_batch_import"),
]
for slug, view in EXPORTS.items():
    name = f"export_{slug.replace('-', '_')}"
    for fmt in ("csv", "xlsx"):
        urlpatterns.append(path(f"exchange/export/{slug}.{fmt}", view, {"fmt": fmt}, name=f"{name}_{fmt}"))
