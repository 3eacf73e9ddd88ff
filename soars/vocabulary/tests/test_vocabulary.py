"""The vocabulary: its data loads, and other words for the same skill name the same concept."""

import pytest

from soars import vocabulary
from soars.vocabulary import Vocabulary, words
from soars.vocabulary.models import Domain, OccupationalSeries, SeriesFamily, Term
from soars.vocabulary.seed import read

FILE = Vocabulary.from_data(read())


def concept(text: str) -> set[str]:
    return {FILE.name(cid) for cid in FILE.concepts(text)}


@pytest.mark.django_db
def test_the_seed_migration_loads_the_domains_terms_and_series_families():
    assert Domain.objects.count() >= 20
    assert Term.objects.count() >= 300
    assert Term.objects.get(name="threat hunting").related.filter(name="network defense").exists()
    families = dict(OccupationalSeries.objects.values_list("code", "family__code"))
    assert families["0501"] == families["0505"] == families["0510"] == families["0511"]
    assert {families["2210"], families["1102"], families["0201"], families["1811"], families["0905"]} <= set(
        SeriesFamily.objects.values_list("code", flat=True)
    )


@pytest.mark.django_db
def test_the_index_built_from_the_database_agrees_with_the_seed_file():
    built = Vocabulary.from_database()
    assert {c.name for c in built.by_id.values()} == {c.name for c in FILE.by_id.values()}
    assert built.phrases.keys() == FILE.phrases.keys()


def test_in_the_seed_file_every_term_has_other_words_and_each_phrase_names_one_skill():
    assert all(c.synonyms for c in FILE.by_id.values())
    assert [" ".join(phrase) for phrase, ids in FILE.phrases.items() if len(ids) > 1] == []


def test_case_punctuation_and_plurals_do_not_matter():
    assert words("Budget-Execution, & Appropriations!") == ("budget", "execution", "and", "appropriation")
    assert FILE.concepts("CYBER THREAT HUNTING") == FILE.concepts("threat hunting")
    assert FILE.concepts("Information Systems Security") == FILE.concepts("information assurance")


def test_synonyms_name_the_same_concept():
    assert concept("comptroller") == concept("deputy CFO") == {"chief financial officer"}
    assert concept("cyber defense") == concept("computer network defense") == {"network defense"}
    assert concept("R&D") == concept("research and development") == {"scientific research"}


def test_a_text_with_several_phrases_yields_each_concept():
    assert concept("network defense and information assurance") == {"network defense", "information assurance"}
    assert concept(["Comptroller", "funds control"]) == {"chief financial officer", "budget execution"}


def test_the_longest_phrase_wins_so_a_word_inside_a_phrase_is_not_a_concept_of_its_own():
    assert concept("health policy") == {"health policy"}
    assert concept("policy") == {"policy analysis"}


def test_words_the_vocabulary_does_not_know_name_no_concept():
    assert FILE.concepts("underwater basket weaving") == frozenset()


def test_related_terms_are_neighbours_both_ways():
    hunting, defense = FILE.concepts("threat hunting"), FILE.concepts("network defense")
    assert defense <= FILE.related(hunting)
    assert hunting <= FILE.related(defense)


def test_expand_gives_synonyms_first_then_related_terms():
    expanded = FILE.expand("comptroller")
    assert expanded[0] == "chief financial officer"
    assert "deputy CFO" in expanded
    assert "budget execution" in expanded
    assert "comptroller" not in expanded
    assert expanded.index("deputy CFO") < expanded.index("budget execution")
    assert FILE.expand("underwater basket weaving") == []


def test_series_in_one_family_share_it():
    assert FILE.series_family("0510") == FILE.series_family("505") == "financial"
    assert FILE.series_family("2210") == "it"
    assert FILE.series_family("9999") is None
    assert FILE.series_family("") is None


@pytest.mark.django_db
def test_the_module_functions_read_the_database():
    assert vocabulary.concepts("Comptroller") == {Term.objects.get(name="chief financial officer").pk}
    assert "chief financial officer" in vocabulary.expand("comptroller")
    assert vocabulary.series_family("0511") == "financial"
