from django.urls import path

from soars.resumes.views import editor, entries, exports, files, hr

app_name = "resumes"

urlpatterns = [
    path("executive/resume/", editor.editor, name="editor"),
    path("executive/resume/preview/", editor.preview, name="preview"),
    path("executive/resume/viewers/", editor.viewers, name="viewers"),
    path("executive/resume/section/<slug:section>/", editor.save_section, name="save_section"),
    path("executive/resume/ecqs/<int:ecq_id>/", editor.ecq_statement, name="ecq_statement"),
    path("executive/resume/ecqs/<int:ecq_id>/delete/", editor.delete_ecq_statement, name="delete_ecq_statement"),
    path("executive/resume/<slug:kind>/add/", entries.entry_form, name="add_entry"),
    path("executive/resume/<slug:kind>/<int:entry_id>/", entries.entry_form, name="edit_entry"),
    path("executive/resume/<slug:kind>/<int:entry_id>/delete/", entries.delete_entry, name="delete_entry"),
    path("executive/resume/<slug:kind>/<int:entry_id>/move/", entries.move_entry, name="move_entry"),
    path("executive/resume/file/", files.upload, name="upload_file"),
    path("executive/resume/file/download/", files.download, name="download_file"),
    path("executive/resume/file/remove/", files.remove, name="remove_file"),
    path("executive/resume/import/", exports.import_upload, name="import"),
    path("executive/resume/import/confirm/", exports.import_confirm, name="import_confirm"),
    path("executive/resume.pdf", exports.resume_pdf, name="pdf"),
    path("executive/resume.json", exports.resume_json, name="json"),
    path("hr/resumes/", hr.resume_list, name="hr_list"),
    path("hr/resumes/<int:resume_id>/", hr.resume_detail, name="hr_detail"),
    path("hr/resumes/<int:resume_id>/file/", hr.resume_file, name="hr_file"),
    path("hr/resumes/<int:resume_id>/resume.pdf", hr.resume_pdf, name="hr_pdf"),
]
