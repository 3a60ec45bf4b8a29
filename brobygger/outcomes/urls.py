from django.urls import path

from . import views

urlpatterns = [
    path("me/measures/", views.own_measures, name="own_measures"),
    path("me/measures/<slug:instrument>/", views.own_measure_answer, name="own_measure_answer"),
    path("young/<uuid:pk>/measures/<slug:instrument>/", views.measure_answer, name="measure_answer"),
    path("attention/<int:pk>/done/", views.attention_done, name="attention_done"),
    path("measures/own/", views.own_instruments, name="own_instruments"),
    path("figures/", views.figures_page, name="figures"),
    path("figures/export.xlsx", views.figures_export, {"fmt": "xlsx"}, name="figures_xlsx"),
    path("figures/export.pdf", views.figures_export, {"fmt": "pdf"}, name="figures_pdf"),
    path("figures/targets/", views.targets, name="targets"),
    path("figures/open-data/", views.open_data_manage, name="open_data_manage"),
    path("figures/open-data/<int:pk>/withdraw/", views.open_data_withdraw, name="open_data_withdraw"),
    path("open-data/", views.open_data_index, name="open_data_index"),
    path("open-data/schema/<str:version>/", views.open_data_schema, name="open_data_schema"),
    path("open-data/<slug:organisation>/<int:year>.json", views.open_data_file, {"fmt": "json"}, name="open_data_json"),
    path("open-data/<slug:organisation>/<int:year>.csv", views.open_data_file, {"fmt": "csv"}, name="open_data_csv"),
]
