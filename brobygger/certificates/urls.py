from django.urls import path

from . import views

urlpatterns = [
    path("activities/<int:pk>/certificate/", views.write, name="certificate_write"),
    path("certificates/<int:pk>/", views.detail, name="certificate_detail"),
    path("certificates/<int:pk>/sign/", views.sign, name="certificate_sign"),
    path("certificates/<int:pk>/approve/", views.approve, name="certificate_approve"),
    path("certificates/<int:pk>/changes/", views.ask_for_changes, name="certificate_changes"),
    path("certificates/<int:pk>/revoke/", views.revoke, name="certificate_revoke"),
    path("certificates/<int:pk>/laeringsbevis.pdf", views.download_pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/laeringsbevis.json", views.download_json, name="certificate_json"),
    path("organisation/signing-keys/", views.issuer_keys, name="issuer_keys"),
    path("organisation/signing-keys/rotate/", views.rotate_key, name="issuer_key_rotate"),
    path("verify/", views.verify_page, name="certificate_verify"),
    path("verify/api/", views.verify_api, name="certificate_verify_api"),
    path("verify/<uuid:public_id>/", views.verify_link, name="certificate_verify_link"),
    path("org/<slug:organisation>/did.json", views.did_document, name="did_document"),
    path("credentials/status/<slug:organisation>/revocation", views.status_list, name="certificate_status_list"),
]
