"""The vocabulary of federal executive work, so that skills match by concept, not exact phrase.

Reference data (soars.vocabulary.models: domains, terms with synonyms and related terms,
occupational series families) seeded from data/vocabulary.json and edited in the admin;
read through a small pure-Python index built once and rebuilt when a record changes:

    from soars import vocabulary
    vocabulary.concepts("network defense & information assurance")  # -> frozenset of concept ids
    vocabulary.expand("comptroller")  # -> ["chief financial officer", "CFO", ...] for query expansion
    vocabulary.series_family("0510")  # -> "financial"

See docs/vocabulary.md.
"""

from soars.vocabulary.index import Concept, Vocabulary, concepts, current, expand, invalidate, series_family, words

__all__ = ["Concept", "Vocabulary", "concepts", "current", "expand", "invalidate", "series_family", "words"]
