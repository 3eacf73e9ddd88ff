from django.apps import AppConfig
from django.db.models.signals import post_delete


def _remove_from_search(sender, instance, **kwargs):
    from soars.search.engine import remove_object

    remove_object(instance)


class ResumesConfig(AppConfig):
    name = "soars.resumes"
    verbose_name = "Resumes"

    def ready(self):
        from soars.resumes.search import KIND, resume_document, resumes_to_index
        from soars.search.registry import register

        register(KIND, "resumes.Resume", resume_document, queryset=resumes_to_index)
        post_delete.connect(_remove_from_search, sender="resumes.Resume", dispatch_uid="resumes-search-remove")
