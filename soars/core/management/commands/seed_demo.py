"""Create realistic demo data across agencies: `manage.py seed_demo --executives 100000`."""

from __future__ import annotations

import random
import time
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from soars.core.demo import DemoContext


class Command(BaseCommand):
    help = "Create demo executives, HR staff, resumes and opportunities (bulk inserts, with progress)."

    def add_arguments(self, parser):
        parser.add_argument("--executives", type=int, default=300, help="How many executives (default 300).")
        parser.add_argument("--opportunities", type=int, default=120, help="How many opportunities (default 120).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed, for repeatable data.")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if demo data already exists.")
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(self, *args, **options):
        from soars.accounts.demo import demo_data_exists

        if options["executives"] < 0 or options["opportunities"] < 0:
            raise CommandError("Sizes must be zero or more.")
        if options["if_empty"] and demo_data_exists():
            self.stdout.write("Demo data already present; nothing to do.")
            return
        ctx = DemoContext(
            executives=options["executives"],
            opportunities=options["opportunities"],
            rng=random.Random(options["seed"]),
            stdout=self.stdout,
            show_progress=not options["no_progress"],
        )
        started = time.monotonic()
        for config in apps.get_app_configs():
            module = f"{config.name}.demo"
            if config.name.startswith("soars.") and find_spec(module):
                with transaction.atomic():
                    import_module(module).seed(ctx)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data ready in {elapsed:.1f} s."))
