"""The query parser: what people type becomes words, phrases, OR groups and exclusions, never syntax."""

from soars.search.query import MAX_TERMS, Query, Term, parse


def words(query: Query) -> list[list[tuple[str, ...]]]:
    return [[term.words for term in group] for group in query.groups]


def test_every_word_is_required():
    assert words(parse("budget reform")) == [[("budget",)], [("reform",)]]


def test_words_are_lowercased():
    assert words(parse("Budget REFORM")) == [[("budget",)], [("reform",)]]


def test_quoted_words_form_a_phrase():
    assert words(parse('"acquisition reform" policy')) == [[("acquisition", "reform")], [("policy",)]]


def test_or_joins_the_terms_on_either_side():
    assert words(parse("cyber OR security audit")) == [[("cyber",), ("security",)], [("audit",)]]


def test_a_bar_means_or_too():
    assert words(parse("cyber | security")) == [[("cyber",), ("security",)]]


def test_lowercase_or_is_a_common_word_and_not_required():
    assert words(parse("cyber or security")) == [[("cyber",)], [("security",)]]


def test_a_minus_excludes_a_word():
    query = parse("budget -contractor")
    assert words(query) == [[("budget",)]]
    assert query.excluded == (Term(("contractor",)),)


def test_a_minus_before_quotes_excludes_a_phrase():
    assert parse('budget -"program analyst"').excluded == (Term(("program", "analyst")),)


def test_not_excludes_the_next_word():
    assert parse("budget NOT contractor").excluded == (Term(("contractor",)),)


def test_an_unbalanced_quote_takes_the_rest_as_a_phrase():
    assert words(parse('budget "acquisition reform')) == [[("budget",)], [("acquisition", "reform")]]


def test_punctuation_and_search_syntax_are_ignored():
    query = parse(") OR 1=1 -- NEAR( budget* ^title:x")
    assert words(query) == [[("1", "1")], [("near",)], [("budget",)], [("title", "x")]]


def test_an_injection_attempt_is_just_a_phrase_of_its_words():
    assert words(parse('") OR 1=1 --')) == [[("or", "1", "1")]]


def test_a_lone_minus_or_or_changes_nothing():
    assert words(parse("- OR budget OR")) == [[("budget",)]]


def test_a_query_of_only_punctuation_is_empty():
    assert parse('"" -- * ( ) : ^').is_empty


def test_a_very_long_query_is_cut_to_a_bounded_number_of_terms():
    query = parse("word " * 10_000)
    assert sum(len(group) for group in query.groups) <= MAX_TERMS


def test_a_word_is_cut_to_a_bounded_length():
    assert len(parse("x" * 400).groups[0][0].words[0]) <= 64


def test_hyphenated_words_become_a_phrase():
    assert words(parse("e-government")) == [[("e", "government")]]


def test_leading_also_looks_for_led():
    forms = [term.words[0] for term in Term(("leading",)).alternatives()]
    assert forms == ["leading", "lead", "led"]


def test_led_also_looks_for_lead():
    assert [term.words[0] for term in Term(("led",)).alternatives()] == ["led", "lead"]


def test_words_without_irregular_forms_look_only_for_themselves():
    assert Term(("budget",)).alternatives() == (Term(("budget",)),)


def test_phrases_are_not_expanded():
    assert Term(("led", "teams")).alternatives() == (Term(("led", "teams")),)
