from django.urls import path

from soars.development.views import agency, erb, executive

app_name = "development"

urlpatterns = [
    path("executive/development/", executive.home, name="home"),
    path("executive/development/share/", executive.share, name="share"),
    path("executive/development/agreement/", executive.sign_agreement, name="sign_agreement"),
    path("executive/development/onboarding/<int:pk>/", executive.onboarding_step, name="onboarding_step"),
    path("executive/development/reviews/<int:pk>/acknowledge/", executive.acknowledge_review, name="acknowledge"),
    path("executive/development/viewers/", executive.viewers, name="viewers"),
    path("executive/development/plan.pdf", executive.plan_pdf, name="pdf"),
    path("executive/development/<slug:kind>/add/", executive.entry_form, name="add"),
    path("executive/development/<slug:kind>/<int:pk>/", executive.entry_form, name="edit"),
    path("executive/development/<slug:kind>/<int:pk>/delete/", executive.entry_delete, name="delete"),
    path("hr/development/", erb.board, name="board"),
    path("hr/development/reviewers/", agency.reviewers, name="reviewers"),
    path("hr/development/reviewers/<int:pk>/revoke/", agency.revoke_reviewer, name="revoke_reviewer"),
    path("hr/development/policy/", agency.policy, name="policy"),
    path("hr/development/pilot/", agency.pilot, name="pilot"),
    path("hr/development/assignments/<int:pk>/confirm/", erb.confirm_assignment, name="confirm"),
    path("hr/development/<int:user_id>/", erb.record_detail, name="record"),
    path("hr/development/<int:user_id>/review/", erb.record_review, name="review"),
    path("hr/development/<int:user_id>/plan.pdf", erb.record_pdf, name="record_pdf"),
]
