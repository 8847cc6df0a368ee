"""Plain English: every sentence a resident reads is in src/locales/en/*.toml, and each must
read at a Flesch-Kincaid grade of 7 or below (textstat). Run by `make test`.

Labels and headings are not sentences, and the formula, driven by syllables per word there,
says nothing useful about them: only texts that end as a sentence does (. ? ! :) and have at
least MIN_WORDS words are judged. Placeholders are read as a typical value. The names of bodies
and the legal terms a resident needs to recognise (TERMS) are read as one short word: they cannot
be said more simply without losing what a resident must ask for.
"""
import re
import sys
import tomllib
from pathlib import Path

import textstat

MAX_GRADE = 7.0
MIN_WORDS = 5
LOCALES = Path(__file__).resolve().parent.parent / "src" / "locales" / "en"
# What a placeholder reads as. Others read as "it".
TYPICAL = {
    "landlord": "Greatwell Homes",
    "name": "Sam",
    "months": "6 months",
    "days": "10",
    "count": "3",
    "max": "500",
    "length": "520",
    "over": "20",
}


TERMS = [
    "Local Government and Social Care Ombudsman",
    "Housing Ombudsman",
    "Public Services Ombudsman for Wales",
    "Northern Ireland Public Services Ombudsman",
    "Ombudsman",
    "Ethical Standards Commissioner",
    "anti-social behaviour",
    "lasting power of attorney",
    "Complaint Handling Code",
    "First-tier Tribunal (Property Chamber)",
    "First-tier Tribunal for Scotland (Housing and Property Chamber)",
    "Leasehold Valuation Tribunal",
    "Residential Property Tribunal Wales",
    "Department for Work and Pensions",
    "Leasehold Advisory Service",
    "Citizens Advice",
    "Monitoring Officer",
    "Housing Benefit",
    "Universal Credit",
]


def sentences(text):
    text = re.sub(r"\{(\w+)\}", lambda m: TYPICAL.get(m.group(1), "it"), text)
    for term in TERMS:
        text = text.replace(term, "it")
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.?!:;])\s+", line.strip()):
            if sentence:
                yield sentence


def main():
    judged, short, failures = [], 0, []
    for path in sorted(LOCALES.glob("*.toml")):
        for key, text in tomllib.loads(path.read_text(encoding="utf-8")).items():
            for sentence in sentences(text):
                if len(sentence.split()) < MIN_WORDS or not sentence.endswith((".", "?", "!", ":")):
                    short += 1
                    continue
                grade = textstat.flesch_kincaid_grade(sentence)
                judged.append(grade)
                if grade > MAX_GRADE:
                    failures.append((grade, f"{path.stem}.{key}", sentence))
    judged.sort()
    median = judged[len(judged) // 2] if judged else 0
    print(
        f"plain English: {len(judged)} sentences judged (median grade {median:.1f}, "
        f"hardest {judged[-1] if judged else 0:.1f}); {short} labels and headings under "
        f"{MIN_WORDS} words not judged"
    )
    for grade, key, sentence in sorted(failures, reverse=True):
        print(f"  grade {grade:4.1f} > {MAX_GRADE}: {key}: {sentence}")
    if failures:
        print(f"{len(failures)} sentences are harder to read than grade {MAX_GRADE}: say them more simply.")
        sys.exit(1)


if __name__ == "__main__":
    main()
