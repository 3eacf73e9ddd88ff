from django.core.management.base import BaseCommand
from django.db import transaction

from soars.core.reference import load_reference
from soars.places.seed import load as load_places


class Command(BaseCommand):
    help = "Load or refresh agencies, ECQ frameworks, opportunity types, clearances and eligibility categories, places."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = load_reference()
            counts.update(load_places())
        summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded ({summary})."))
