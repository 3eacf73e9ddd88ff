"""Self-identification in aggregate only: tables of counts with small cells hidden so that no one
can be picked out, even from the totals.

A table has a row per group (an agency; a type of opportunity) and a column per answer, and each
row's total (the people in the group). Every count from 1 to MINIMUM - 1 is hidden (primary
suppression), and a row that hides one count hides its smallest other count too (complementary
suppression), so the hidden counts of a row add up to at least 1 + another and none of them can be
worked out from the row's total. Column totals are not shown: with them, a pattern of hidden counts
across rows and columns can pin a hidden count down (a brute-force attacker in the tests found such
tables), whereas with row totals alone every hidden count could be anything from 0 to what its row
hides in all. Zeros are shown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from soars.diversity.models import DECLINED, Disability, Ethnicity, Race, SelfIdentification, Sex, Veteran

MINIMUM = 5  # the smallest count shown (other than zero)
NOT_ANSWERED = "Not answered"
DECLINED_WORDS = "Chose not to answer"
TWO_OR_MORE = "Two or more races"


def _race_and_ethnicity(answers: SelfIdentification | None) -> str:
    """One column per person, as OMB tabulates: Hispanic or Latino of any race, then race alone."""
    if answers is None or (not answers.ethnicity and not answers.races):
        return NOT_ANSWERED
    if answers.ethnicity == Ethnicity.HISPANIC:
        return Ethnicity.HISPANIC.label
    races = [code for code in answers.races if code in Race.values]
    if answers.ethnicity == DECLINED or answers.races == [DECLINED] or not races:
        return DECLINED_WORDS
    return Race(races[0]).label if len(races) == 1 else TWO_OR_MORE


def _simple(field: str, choices):
    labels = {code: str(label) for code, label in choices.choices if code != DECLINED}

    def column(answers: SelfIdentification | None) -> str:
        value = getattr(answers, field, "") if answers is not None else ""
        return NOT_ANSWERED if not value else DECLINED_WORDS if value == DECLINED else labels[value]

    return column, [*labels.values()]


_sex, _sex_columns = _simple("sex", Sex)
_disability, _disability_columns = _simple("disability", Disability)
_veteran, _veteran_columns = _simple("veteran", Veteran)

CHARACTERISTICS = {
    "race": (
        "Race and ethnicity",
        _race_and_ethnicity,
        [Ethnicity.HISPANIC.label, *Race.labels, TWO_OR_MORE],
    ),
    "sex": ("Sex", _sex, _sex_columns),
    "disability": ("Disability", _disability, _disability_columns),
    "veteran": ("Veteran status", _veteran, _veteran_columns),
}


@dataclass
class Cell:
    count: int
    hidden: bool


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[str, list[Cell], int]]  # (group, cells, row total)
    total: int  # people in every group (one person may be in several groups of interest)

    @property
    def hidden_count(self) -> int:
        return sum(cell.hidden for _, cells, _ in self.rows for cell in cells)


def suppress(counts: list[list[int]], minimum: int = MINIMUM) -> list[list[bool]]:
    """Which counts to hide: those from 1 to minimum - 1, and in each row that hides exactly one of
    them, its smallest other count (a nonzero one when the row has any)."""
    hidden = [[0 < count < minimum for count in row] for row in counts]
    for row, hides in zip(counts, hidden, strict=True):
        if sum(hides) == 1:
            shown = [index for index, hide in enumerate(hides) if not hide]
            if shown:
                hides[min(shown, key=lambda index: (row[index] == 0, row[index]))] = True
    return hidden


def table(groups: Iterable[tuple[str, Iterable[int]]], characteristic: str) -> Table:
    """A table of the people in each group (a group's name and the people's account ids) by their answer."""
    _title, column_of, answered_columns = CHARACTERISTICS[characteristic]
    columns = [*answered_columns, DECLINED_WORDS, NOT_ANSWERED]
    groups = [(name, list(people)) for name, people in groups]
    everyone = {person for _, people in groups for person in people}
    answers = {row.person_id: row for row in SelfIdentification.objects.filter(person_id__in=everyone)}
    counts = []
    for _name, people in groups:
        tally = Counter(column_of(answers.get(person)) for person in set(people))
        counts.append([tally[column] for column in columns])
    hidden = suppress(counts)
    rows = [
        (name, [Cell(count, hide) for count, hide in zip(row, hidden_row, strict=True)], sum(row))
        for (name, _), row, hidden_row in zip(groups, counts, hidden, strict=True)
    ]
    return Table(columns, rows, len(everyone))


def corps_by_agency() -> list[tuple[str, list[int]]]:
    """Active executives by their verified agency's department."""
    from soars.accounts.models import User

    groups: dict[str, list[int]] = defaultdict(list)
    rows = User.objects.filter(role=User.Role.EXECUTIVE, is_active=True).values_list(
        "pk", "agency__name", "agency__parent__name"
    )
    for pk, agency, parent in rows:
        groups[parent or agency or "Agency not verified"].append(pk)
    return sorted(groups.items())


def interest_by_type() -> list[tuple[str, list[int]]]:
    """Executives who expressed interest in an opportunity of each type (each once per type)."""
    from soars.opportunities.models import Interest

    groups: dict[str, set[int]] = defaultdict(set)
    for executive, type_name in Interest.objects.values_list("executive_id", "opportunity__type__name"):
        groups[type_name or "Type not stated"].add(executive)
    return sorted((name, sorted(people)) for name, people in groups.items())


GROUPINGS = {
    "agency": ("The corps by agency", corps_by_agency),
    "interest": ("Interest by type of opportunity", interest_by_type),
}
