"""Fields of federal executive work, for demo resumes and opportunities.

Each demo executive works mainly in one field (and a little in a second), and each
demo opportunity belongs to one field, so a search for "wildland fire" or "cybersecurity"
finds the few percent of records about it, as it would on a real site, rather than
every record sharing the same handful of words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    titles: tuple[str, ...]
    skills: tuple[str, ...]
    work: tuple[str, ...]  # what an executive in this field did, as a phrase after "Led" or "Managed"


FIELDS = (
    Field(
        "information technology",
        ("Chief Information Officer", "Deputy Chief Information Officer", "Director, Enterprise Infrastructure"),
        ("cloud migration", "IT modernization", "enterprise architecture", "software development", "data centers"),
        ("the move of {n} legacy systems to the cloud", "a modernization of the agency's network and data centers"),
    ),
    Field(
        "cybersecurity",
        ("Chief Information Security Officer", "Director, Cybersecurity Operations", "Chief Security Officer"),
        ("cybersecurity", "zero trust architecture", "incident response", "threat intelligence", "risk management"),
        ("a zero trust program protecting {n} systems", "the incident response team through {n} intrusions"),
    ),
    Field(
        "finance and budget",
        ("Chief Financial Officer", "Deputy Chief Financial Officer", "Director, Office of Budget"),
        ("budget formulation", "budget execution", "financial management", "audit remediation", "appropriations"),
        ("a ${m} million budget through formulation and execution", "the audit that ended {n} material weaknesses"),
    ),
    Field(
        "acquisition",
        ("Senior Procurement Executive", "Director of Acquisition Policy", "Head of Contracting Activity"),
        ("acquisition reform", "contract management", "category management", "source selection", "procurement"),
        ("procurement of ${m} million in services a year", "category management across {n} contracting offices"),
    ),
    Field(
        "human capital",
        ("Chief Human Capital Officer", "Director, Office of Human Capital", "Director of Workforce Planning"),
        ("workforce planning", "labor relations", "recruitment", "employee engagement", "classification"),
        ("hiring of {n} staff in one year", "a workforce plan and labor agreements covering {n} employees"),
    ),
    Field(
        "emergency management",
        ("Director, Emergency Management", "Regional Administrator", "Federal Coordinating Officer"),
        ("emergency management", "disaster recovery", "continuity of operations", "incident command", "logistics"),
        ("the response to {n} declared disasters", "disaster recovery grants of ${m} million to states"),
    ),
    Field(
        "wildland fire and natural resources",
        ("Director, Fire and Aviation Management", "Regional Forester", "Deputy Chief, National Forest System"),
        ("wildland fire", "forest management", "land stewardship", "prescribed fire", "water resources"),
        ("wildland fire suppression across {n} million acres", "restoration of {n} thousand acres of forest"),
    ),
    Field(
        "public health",
        ("Director, Office of Public Health", "Deputy Director for Science", "Chief Medical Officer"),
        ("public health", "epidemiology", "disease surveillance", "vaccination programs", "clinical research"),
        ("disease surveillance in {n} states", "a vaccination campaign reaching {n} thousand people"),
    ),
    Field(
        "grants and programs",
        ("Director, Office of Grants Management", "Director of Program Evaluation", "Associate Administrator"),
        ("grants management", "program evaluation", "performance measurement", "compliance", "outreach"),
        ("${m} million in grants to {n} recipients", "evaluations of {n} programs for Congress"),
    ),
    Field(
        "data and analytics",
        ("Chief Data Officer", "Director of Analytics", "Chief Statistician"),
        ("data analytics", "data governance", "machine learning", "artificial intelligence governance", "statistics"),
        ("the agency's data strategy and {n} dashboards", "machine learning that flagged ${m} million in fraud"),
    ),
    Field(
        "international affairs",
        (
            "Deputy Assistant Secretary for International Affairs",
            "Director, Foreign Trade Policy",
            "Minister-Counselor",
        ),
        ("international negotiations", "foreign policy", "trade policy", "diplomacy", "treaty compliance"),
        ("trade negotiations with {n} partner countries", "an embassy section of {n} staff"),
    ),
    Field(
        "law enforcement and security",
        ("Special Agent in Charge", "Director, Border Security Operations", "Assistant Director, Investigations"),
        ("law enforcement", "investigations", "border security", "counterterrorism", "intelligence analysis"),
        ("investigations that recovered ${m} million", "border security operations across {n} ports of entry"),
    ),
    Field(
        "operations and management",
        (
            "Deputy Assistant Secretary for Management",
            "Deputy Chief Operating Officer",
            "Associate Administrator for Operations",
        ),
        ("operations management", "change management", "customer experience", "facilities", "strategic planning"),
        ("consolidation of {n} field offices", "a customer experience program serving {n} thousand people a month"),
    ),
    Field(
        "energy and environment",
        ("Director, Office of Nuclear Safety", "Assistant Administrator for Environment", "Director, Energy Programs"),
        ("nuclear safety", "environmental remediation", "renewable energy", "climate resilience", "regulatory policy"),
        ("cleanup of {n} contaminated sites", "a ${m} million grid resilience program"),
    ),
    Field(
        "infrastructure and transportation",
        ("Associate Administrator for Infrastructure", "Director, Highway Programs", "Director of Aviation Safety"),
        ("infrastructure finance", "transportation safety", "aviation safety", "capital planning", "construction"),
        ("${m} million in bridge and highway projects", "safety oversight of {n} airports"),
    ),
    Field(
        "veterans and benefits",
        ("Director, Benefits Administration", "Deputy Under Secretary for Benefits", "Network Director"),
        (
            "benefits administration",
            "claims processing",
            "health care operations",
            "customer experience",
            "call centers",
        ),
        ("claims processing for {n} thousand veterans", "{n} clinics and their call centers"),
    ),
)
