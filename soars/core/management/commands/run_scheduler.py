import time

from django.core.management.base import BaseCommand

from soars.core.schedule import enqueue_due


class Command(BaseCommand):
    help = "Enqueue periodic jobs (digests, closing expired postings, alerts) when they are due."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Check once and exit.")
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between checks.")

    def handle(self, *args, **options):
        while True:
            for name in enqueue_due():
                self.stdout.write(f"Queued {name}")
            if options["once"]:
                return
            time.sleep(options["interval"])
