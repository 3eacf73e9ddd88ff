"""ECQ statements as executives have them: a pasted narrative or challenge–context–action–result,
kept in the form chosen, and counted, printed, exported and found alike."""

import io

import pytest
from pypdf import PdfReader

from soars.core.models import EcqFramework
from soars.matching import score
from soars.matching.records import candidate_profile, opening_profile
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.completeness import completeness
from soars.resumes.factories import ResumeFactory, SharedResumeFactory, complete_resume
from soars.resumes.forms import EcqStatementForm
from soars.resumes.jsonresume import export_resume
from soars.resumes.models import EcqStatement, Resume
from soars.resumes.pdf import render_pdf
from soars.resumes.tests.test_jsonresume import _import
from soars.search.engine import search

pytestmark = pytest.mark.django_db

NARRATIVE = (
    "When the agency's claims backlog passed two years, the secretary asked me to fix it.\n\n"
    "I rebuilt intake around a single queue and trained every examiner in quillwort triage.\n\n"
    "Waiting times fell by half within a year."
)
PARTS = {"challenge": "C1", "context": "C2", "action": "A", "result": "R"}


def _ecq():
    return EcqFramework.objects.get(code="2025").ecqs.first()


def _url(ecq) -> str:
    return f"/executive/resume/ecqs/{ecq.pk}/"


def _statement(user, ecq) -> EcqStatement:
    return EcqStatement.objects.get(resume__executive=user, ecq=ecq)


# The form, both ways


def test_a_pasted_narrative_is_saved_as_one_text(client_as, personas):
    ecq = _ecq()
    response = client_as(personas.executive).post(_url(ecq), {"written_as": "narrative", "narrative": NARRATIVE})
    assert response.status_code == 302
    statement = _statement(personas.executive, ecq)
    assert statement.narrative == NARRATIVE and statement.is_narrative
    assert [statement.challenge, statement.context, statement.action, statement.result] == ["", "", "", ""]


def test_a_ccar_statement_needs_all_four_parts_and_no_narrative(client_as, personas):
    ecq = _ecq()
    client_as(personas.executive).post(_url(ecq), {"written_as": "ccar", **PARTS})
    statement = _statement(personas.executive, ecq)
    assert (statement.challenge, statement.result, statement.narrative) == ("C1", "R", "")


def test_an_empty_narrative_is_refused_and_the_parts_typed_are_kept_on_the_page(client_as, personas):
    ecq = _ecq()
    response = client_as(personas.executive).post(_url(ecq), {"written_as": "narrative", "challenge": "Kept text"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your narrative: This field is required." in html and "Kept text" in html
    assert not EcqStatement.objects.filter(ecq=ecq).exists()


def test_a_missing_part_is_refused_and_the_narrative_typed_is_kept_on_the_page(client_as, personas):
    ecq = _ecq()
    data = {"written_as": "ccar", "challenge": "Only this", "narrative": "My zanzibar narrative"}
    response = client_as(personas.executive).post(_url(ecq), data)
    html = response.content.decode()
    assert response.status_code == 400 and "Only this" in html and "My zanzibar narrative" in html
    assert 'value="ccar" checked' in html


def test_a_narrative_over_ten_thousand_characters_is_refused():
    form = EcqStatementForm(data={"written_as": "narrative", "narrative": "x" * 10_001})
    assert not form.is_valid() and "narrative" in form.errors
    assert EcqStatementForm(data={"written_as": "narrative", "narrative": "x" * 10_000}).is_valid()


def test_text_too_long_in_the_form_not_chosen_does_not_block_saving():
    form = EcqStatementForm(data={"written_as": "narrative", "narrative": NARRATIVE, "challenge": "x" * 3000})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["challenge"] == ""


def test_switching_a_ccar_statement_to_a_narrative_keeps_only_the_narrative(client_as, personas):
    ecq, client = _ecq(), client_as(personas.executive)
    client.post(_url(ecq), {"written_as": "ccar", **PARTS})
    client.post(_url(ecq), {"written_as": "narrative", "narrative": NARRATIVE, **PARTS})
    statement = _statement(personas.executive, ecq)
    assert statement.narrative == NARRATIVE and statement.challenge == "" and statement.result == ""
    client.post(_url(ecq), {"written_as": "ccar", "narrative": NARRATIVE, **PARTS})
    statement.refresh_from_db()
    assert (statement.narrative, statement.challenge) == ("", "C1")


def test_the_editor_opens_on_the_form_the_statement_is_in(client_as, personas):
    ecq, client = _ecq(), client_as(personas.executive)
    ResumeFactory(executive=personas.executive, ecq_framework=ecq.framework)
    assert 'value="ccar" checked' in client.get(_url(ecq)).content.decode()
    client.post(_url(ecq), {"written_as": "narrative", "narrative": NARRATIVE})
    html = client.get(_url(ecq)).content.decode()
    assert 'value="narrative" checked' in html and "quillwort triage" in html
    assert "Written as a narrative" in client.get("/executive/resume/").content.decode()


def test_without_a_choice_a_narrative_alone_reads_as_a_narrative():
    assert EcqStatementForm(data={"narrative": NARRATIVE}).is_valid()
    assert EcqStatementForm(data=PARTS).is_valid()


def test_an_outsider_cannot_edit_another_executives_statement(client_as, personas):
    resume = complete_resume(personas.executive)
    statement = resume.ecq_statements.first()
    for user in (personas.outsider, personas.hr_a):
        response = client_as(user).post(_url(statement.ecq), {"written_as": "narrative", "narrative": "Taken over"})
        assert response.status_code in (302, 403, 404)
    statement.refresh_from_db()
    assert statement.narrative == "" and statement.challenge == "A hard problem."


def test_another_executive_writing_the_same_ecq_writes_on_their_own_resume(client_as, personas):
    from soars.accounts.factories import ExecutiveFactory

    resume = complete_resume(personas.executive)
    statement = resume.ecq_statements.first()
    other = ExecutiveFactory()
    client_as(other).post(_url(statement.ecq), {"written_as": "narrative", "narrative": "Mine"})
    statement.refresh_from_db()
    assert statement.narrative == "" and _statement(other, statement.ecq).narrative == "Mine"


def test_the_database_refuses_a_statement_in_both_forms(personas):
    from django.db import IntegrityError

    resume = complete_resume(personas.executive)
    with pytest.raises(IntegrityError):
        resume.ecq_statements.filter(pk=resume.ecq_statements.first().pk).update(narrative="Both")


# Everything else reads the narrative as fully as the four parts


def _words(n: int, seed: str) -> str:
    return " ".join(f"{seed}{i}" for i in range(n))


@pytest.mark.parametrize("words_per_part", [5, 50, 100])
def test_a_narrative_earns_the_same_ecq_points_as_the_same_words_in_four_parts(personas, words_per_part):
    ecq = _ecq()
    posting = OpenOpportunityFactory(created_by=personas.hr_a)
    posting.ecqs.set([ecq])
    parts = {part: _words(words_per_part, part) for part in EcqStatement.PARTS}
    ccar = SharedResumeFactory()
    EcqStatement.objects.create(resume=ccar, ecq=ecq, **parts)
    narrative = SharedResumeFactory()
    EcqStatement.objects.create(resume=narrative, ecq=ecq, narrative="\n\n".join(parts.values()))
    opening = opening_profile(posting)
    by_form = {}
    for resume in (ccar, narrative):
        candidate = candidate_profile(resume)
        by_form[resume.pk] = (
            candidate.ecq_strengths,
            [(r.text, r.points) for r in score(candidate, opening).reasons if ecq.name in r.text],
        )
    assert by_form[ccar.pk] == by_form[narrative.pk]
    strengths, reasons = by_form[ccar.pk]
    assert strengths[ecq.code] > 0 and reasons[0][1] > 0


def test_narratives_complete_the_ecq_check(personas):
    resume = complete_resume(personas.executive)
    resume.ecq_statements.update(challenge="", context="", action="", result="", narrative=NARRATIVE)
    assert "ecqs" not in {check.section for check in completeness(resume).missing}


def test_the_pdf_prints_the_narrative_as_paragraphs(personas):
    resume = complete_resume(personas.executive)
    resume.ecq_statements.filter(pk=resume.ecq_statements.first().pk).update(
        challenge="", context="", action="", result="", narrative=NARRATIVE
    )
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(resume).content)).pages)
    text = " ".join(text.split())
    assert "trained every examiner in quillwort triage." in text
    assert "Waiting times fell by half within a year." in text
    assert "Challenge. A hard problem." in text  # the statements still in four parts print as before


def test_the_preview_and_the_hr_view_show_the_narrative(client_as, personas):
    resume = complete_resume(personas.executive)
    resume.ecq_statements.filter(pk=resume.ecq_statements.first().pk).update(
        challenge="", context="", action="", result="", narrative=NARRATIVE
    )
    preview = client_as(personas.executive).get("/executive/resume/preview/").content.decode()
    hr = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/").content.decode()
    for html in (preview, hr):
        assert "<p>Waiting times fell by half within a year.</p>" in html


def test_a_narrative_makes_the_json_resume_round_trip(client_as, personas):
    resume = complete_resume(personas.executive)
    first = resume.ecq_statements.first()
    resume.ecq_statements.filter(pk=first.pk).update(
        challenge="", context="", action="", result="", narrative=NARRATIVE
    )
    client = client_as(personas.executive)
    exported = client.get("/executive/resume.json").json()
    statements = exported["x-federal"]["ecqStatements"]
    assert {"framework", "ecq", "narrative"} == set(statements[0]) and statements[0]["narrative"] == NARRATIVE
    assert "narrative" not in statements[1] and statements[1]["challenge"] == "A hard problem."
    resume.ecq_statements.all().delete()
    _import(client, exported)
    assert export_resume(Resume.objects.get(pk=resume.pk)) == exported
    assert _statement(personas.executive, first.ecq).narrative == NARRATIVE


def test_an_import_with_a_narrative_and_parts_for_one_statement_is_refused(client_as, personas):
    complete_resume(personas.executive)
    client = client_as(personas.executive)
    exported = client.get("/executive/resume.json").json()
    exported["x-federal"]["ecqStatements"][0]["narrative"] = NARRATIVE
    response = _import(client, exported, confirm=False)
    assert "x-federal.ecqStatements[0]: a narrative or the four parts" in response.content.decode()


def test_search_finds_a_word_only_in_a_narrative(personas):
    resume = complete_resume(personas.executive)
    assert not search(Resume.objects.all(), "quillwort", kind="resume").exists()
    statement = resume.ecq_statements.first()
    statement.challenge = statement.context = statement.action = statement.result = ""
    statement.narrative = NARRATIVE
    statement.save()
    resume.save()
    assert list(search(Resume.objects.all(), "quillwort", kind="resume").values_list("pk", flat=True)) == [resume.pk]
