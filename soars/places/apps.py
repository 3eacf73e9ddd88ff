from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "soars.places"
    verbose_name = "Places and commuting areas"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from soars.places import index
        from soars.places.models import MetroArea, Place

        # An administrator's edit takes effect on the next match: the lookup is rebuilt.
        for model in (MetroArea, Place):
            post_save.connect(index.invalidate_on_change, sender=model, dispatch_uid=f"places-save-{model.__name__}")
            post_delete.connect(
                index.invalidate_on_change, sender=model, dispatch_uid=f"places-delete-{model.__name__}"
            )
