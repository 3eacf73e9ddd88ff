from django.core.management.base import BaseCommand
from django.db import transaction

from soars.core.reference import load_reference


class Command(BaseCommand):
    help = "Load or refresh agencies, ECQ frameworks, opportunity types, clearances and eligibility categories."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = load_reference()
        summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded ({summary})."))
