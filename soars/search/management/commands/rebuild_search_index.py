"""Rebuild the search documents of every registered kind (or the ones named)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from soars.search import registry
from soars.search.engine import BATCH, index_records
from soars.search.models import SearchDocument


class Command(BaseCommand):
    help = "Rebuild the full-text search index from the records of each registered kind."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="Kinds to rebuild (default: all registered).")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, **options):
        try:
            kinds = [registry.get(name) for name in options["kinds"]] or registry.registered()
        except LookupError as error:
            raise CommandError(str(error)) from error
        if not kinds:
            self.stdout.write("No kinds are registered for search; nothing to do.")
            return
        for kind in kinds:
            records = kind.all_records()
            with transaction.atomic():
                SearchDocument.objects.filter(kind=kind.name).delete()
                total = records.count()
                listed = records.iterator(chunk_size=BATCH)
                index_records(tqdm(listed, total=total, desc=kind.name, unit="doc", disable=options["no_progress"]))
            self.stdout.write(self.style.SUCCESS(f"{kind.name}: {total} documents indexed."))
