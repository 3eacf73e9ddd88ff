from django.urls import path

from soars.opportunities import views_executive as executive
from soars.opportunities import views_hr as hr
from soars.opportunities import views_import as imports
from soars.opportunities import views_shortlist as shortlist

app_name = "opportunities"

SHORTLIST = "hr/opportunities/<int:pk>/shortlist"

urlpatterns = [
    path("opportunities/", executive.browse, name="browse"),
    path("opportunities/<int:pk>/", executive.detail, name="detail"),
    path("opportunities/<int:pk>/interest/", executive.express_interest, name="express_interest"),
    path("opportunities/<int:pk>/withdraw/", executive.withdraw_interest, name="withdraw_interest"),
    path("executive/interests/", executive.my_interests, name="my_interests"),
    path("hr/opportunities/", hr.opportunity_list, name="hr_list"),
    path("hr/opportunities/new/", hr.opportunity_new, name="hr_new"),
    path("hr/opportunities/import/", imports.upload, name="hr_import"),
    path("hr/opportunities/import/confirm/", imports.confirm, name="hr_import_confirm"),
    path("hr/opportunities/<int:pk>/", hr.opportunity_preview, name="hr_preview"),
    path("hr/opportunities/<int:pk>/edit/", hr.opportunity_edit, name="hr_edit"),
    path("hr/opportunities/<int:pk>/fill/", hr.opportunity_fill, name="hr_fill"),
    *[
        path(f"hr/opportunities/<int:pk>/{action}/", hr.opportunity_action, {"action": action}, name=f"hr_{action}")
        for action in ("publish", "close", "cancel", "duplicate")
    ],
    path("hr/opportunities/<int:pk>/candidates/", hr.candidates, name="candidates"),
    path("hr/opportunities/<int:pk>/matches/", hr.matches, name="matches"),
    path("hr/opportunities/<int:pk>/candidates.csv", hr.candidates_export, {"fmt": "csv"}, name="candidates_csv"),
    path("hr/opportunities/<int:pk>/candidates.xlsx", hr.candidates_export, {"fmt": "xlsx"}, name="candidates_xlsx"),
    path("hr/opportunities/<int:pk>/matches.csv", hr.matches_export, {"fmt": "csv"}, name="matches_csv"),
    path("hr/opportunities/<int:pk>/matches.xlsx", hr.matches_export, {"fmt": "xlsx"}, name="matches_xlsx"),
    path("hr/opportunities/<int:pk>/candidates/<int:interest_pk>/move/", hr.candidate_move, name="candidate_move"),
    path("hr/opportunities/<int:pk>/candidates/<int:interest_pk>/notes/", hr.candidate_note, name="candidate_note"),
    path(f"{SHORTLIST}/", shortlist.shortlist, name="shortlist"),
    path(f"{SHORTLIST}/add/", shortlist.shortlist_add, name="shortlist_add"),
    path(f"{SHORTLIST}.csv", shortlist.shortlist_export, {"fmt": "csv"}, name="shortlist_csv"),
    path(f"{SHORTLIST}.xlsx", shortlist.shortlist_export, {"fmt": "xlsx"}, name="shortlist_xlsx"),
    path(f"{SHORTLIST}/<int:entry_pk>/note/", shortlist.shortlist_note, name="shortlist_note"),
    path(f"{SHORTLIST}/<int:entry_pk>/remove/", shortlist.shortlist_remove, name="shortlist_remove"),
    path(f"{SHORTLIST}/<int:entry_pk>/invite/", shortlist.shortlist_invite, name="shortlist_invite"),
    path("hr/resumes/<int:resume_id>/shortlist/", shortlist.shortlist_from_resume, name="shortlist_from_resume"),
]
