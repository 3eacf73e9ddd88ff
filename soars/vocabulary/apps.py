from django.apps import AppConfig


class VocabularyConfig(AppConfig):
    name = "soars.vocabulary"
    verbose_name = "Vocabulary of federal executive work"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from soars.vocabulary import index
        from soars.vocabulary.models import Domain, OccupationalSeries, SeriesFamily, Term

        # An administrator's edit takes effect on the next match: the index is rebuilt.
        for model in (Domain, Term, SeriesFamily, OccupationalSeries):
            post_save.connect(
                index.invalidate_on_change, sender=model, dispatch_uid=f"vocabulary-save-{model.__name__}"
            )
            post_delete.connect(
                index.invalidate_on_change, sender=model, dispatch_uid=f"vocabulary-delete-{model.__name__}"
            )
        m2m_changed.connect(index.invalidate_on_change, sender=Term.related.through, dispatch_uid="vocabulary-related")
