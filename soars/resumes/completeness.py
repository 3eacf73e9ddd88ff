"""How complete a resume is, and what is still missing (the meter in the editor and the panel)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    label: str
    anchor: str
    done: bool


@dataclass(frozen=True)
class Completeness:
    checks: list[Check]

    @property
    def percent(self) -> int:
        return round(100 * sum(c.done for c in self.checks) / len(self.checks))

    @property
    def missing(self) -> list[Check]:
        return [c for c in self.checks if not c.done]


def completeness(resume) -> Completeness:
    framework_ecqs = resume.ecq_framework.ecqs.count() if resume.ecq_framework_id else 0
    statements = resume.ecq_statements_in_framework.count()
    return Completeness(
        [
            Check("A headline and summary", "about", bool(resume.headline and resume.summary)),
            Check("Your current position and agency", "about", bool(resume.current_title and resume.current_agency_id)),
            Check("Your appointment eligibility", "about", resume.eligibility_id is not None),
            Check("At least one position held", "positions", resume.positions.exists()),
            Check("Education", "education", resume.education.exists()),
            Check("Training or certifications", "training", resume.training.exists()),
            Check(
                "A statement for every ECQ of your framework",
                "ecqs",
                framework_ecqs > 0 and statements >= framework_ecqs,
            ),
            Check("Competencies or skills", "skills", bool(resume.skills) or resume.competencies.exists()),
            Check("Your security clearance", "preferences", resume.clearance_id is not None),
            Check(
                "Preferred locations or work arrangements", "preferences", bool(resume.locations or resume.arrangements)
            ),
            Check("Opportunity types you want", "preferences", resume.opportunity_types.exists()),
            Check("The date you are available from", "preferences", resume.available_from is not None),
        ]
    )
