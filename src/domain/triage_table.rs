//! The triage decision table of a profile: every distinct answer its triage can give a resident,
//! with the answers that lead to it, generated from the journey and the rules for review.
//!
//! The table walks the real journey ([`journey::next`]) from "what would you like to do?" to the
//! outcome page, trying every choice of every question it visits, and judges each path with
//! [`triage::assess`], so it cannot disagree with the app. Compliments and comments are in it
//! (one row each): they leave triage at the feedback page, but what they are told is triage's.
//! Answers that make no difference are then merged, so a row reads as a rule.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{Months, NaiveDate};

use super::draft::{DateInput, Draft, YesNo};
use super::eligibility::{ombudsman_for, who_list};
use super::journey;
use super::pages::PageId;
use super::language::Language;
use super::policy::{Connection, Policy};
use super::triage::{self, BuiltIn, Conclusion};
use super::page::{ChoiceQuestion, Form};

/// The day the complaint is taken to arrive, for the dates: fixed, so the table never changes
/// with the calendar.
pub fn received() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real date")
}

/// The triage questions, in the order the journey asks them (a test keeps this the order of
/// `PageId::ALL`).
const QUESTIONS: [PageId; 11] = [
    PageId::Kind,
    PageId::Asb,
    PageId::PriorComplaint,
    PageId::OtherProcess,
    PageId::Matter,
    PageId::Decision,
    PageId::ToldBefore,
    PageId::AfterReport,
    PageId::When,
    PageId::LateReason,
    PageId::Responsibility,
];

const ENGLISH: Language = Language::English;

/// One distinct answer of triage, and the answers that lead to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub outcome: Conclusion,
    /// A few words naming it, and why. The outcome page shows them for every outcome but a
    /// complaint; compliments and comments never reach it.
    pub summary: String,
    pub reason: String,
    /// Where to go instead, if anywhere.
    pub signpost: Option<String>,
    /// The profile's exclusion that applies (its id): its words lead, or, with
    /// `landlord_words`, stand beside ours.
    pub exclusion: Option<String>,
    /// The profile's words shown beside ours where ours lead (a route the law sets): the
    /// exclusion's id and summary.
    pub landlord_words: Option<(String, String)>,
    /// Whether the resident is offered "send it as a complaint anyway".
    pub send_anyway: bool,
    /// The policy's quick route offered with a complaint, by name.
    pub concern: Option<String>,
    /// The ASB case itself carries on under the ASB procedure.
    pub asb_case_continues: bool,
    /// Whether the outcome page says the summary and the reason (`Assessment::reason_shown`).
    pub reason_shown: bool,
    /// Which Ombudsman the outcome page names, by who is complaining; None where there is no
    /// outcome page (compliments and comments).
    pub ombudsman: Option<String>,
    /// The questions asked on the way, in journey order, each with the answers that lead here
    /// (`["Any answer"]` where every answer does).
    pub answers: Vec<(String, Vec<String>)>,
}

/// One answer to a question: its words, and what it sets in the draft.
struct Answer {
    label: String,
    set: Box<dyn Fn(&mut Draft)>,
}

/// The choices of a page that asks for one, each setting its answer.
fn choices(policy: &Policy, question: &ChoiceQuestion) -> Vec<Answer> {
    let answer = question.answer;
    let offered = question.options(policy, ENGLISH);
    debug_assert!(offered.len() <= 16, "a cell holds at most 16 answers");
    offered
        .into_iter()
        .map(|offer| Answer {
            label: offer.label.to_string(),
            set: Box::new(move |draft| (answer.set)(draft, offer.id)),
        })
        .collect()
}

/// The date `months` before `received`, as a resident would type it.
fn date_before(received: NaiveDate, months: u32) -> DateInput {
    let date = received
        .checked_sub_months(Months::new(months))
        .expect("a date well within range");
    DateInput {
        day: date.format("%-d").to_string(),
        month: date.format("%-m").to_string(),
        year: date.format("%Y").to_string(),
    }
}

/// The answers to a question page. Dates and the late reason are free text, so they are
/// represented by one answer per thing the rules tell apart.
fn answers(policy: &Policy, page: PageId) -> Vec<Answer> {
    if let Form::Choice(question) = &page.page().form {
        return choices(policy, question);
    }
    match page {
        PageId::When => {
            let Some(limit) = &policy.time_limit else {
                return vec![Answer {
                    label: "Any date (the policy has no time limit)".into(),
                    set: Box::new(|d| d.issue_date = date_before(received(), 1)),
                }];
            };
            let months = limit.months;
            let limit = match months {
                1 => "1 month".to_string(),
                n => format!("{n} months"),
            };
            // A date a month ago is in time; one two months beyond the limit is not, whatever
            // day of the month the limit counts to.
            let old = |ongoing: YesNo| {
                move |d: &mut Draft| {
                    d.issue_date = date_before(received(), months + 2);
                    d.ongoing = Some(ongoing);
                }
            };
            vec![
                Answer {
                    label: format!("Within the last {limit}"),
                    set: Box::new(|d| {
                        d.issue_date = date_before(received(), 1);
                        d.ongoing = Some(YesNo::No);
                    }),
                },
                Answer {
                    label: format!("More than {limit} ago, and still happening or not put right"),
                    set: Box::new(old(YesNo::Yes)),
                },
                Answer {
                    label: format!("More than {limit} ago, and it has ended"),
                    set: Box::new(old(YesNo::No)),
                },
            ]
        }
        // The page needs a reason to go on (a blank one is refused), so there is one answer.
        PageId::LateReason => vec![Answer {
            label: "Gives a reason".into(),
            set: Box::new(|d| d.late_reason = "I was in hospital".into()),
        }],
        _ => Vec::new(),
    }
}

/// Everything a resident is told at the end of a path: two paths told the same are the same
/// answer of triage.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Told {
    outcome: Conclusion,
    built_in: Option<BuiltIn>,
    summary: String,
    reason: String,
    signpost: Option<String>,
    exclusion: Option<String>,
    landlord_words: Option<(String, String)>,
    send_anyway: bool,
    concern: Option<String>,
    asb_case_continues: bool,
    reason_shown: bool,
    ombudsman: Option<String>,
}

/// The answers to one question that lead to a row's result, one bit an answer (no question has
/// more than 16); `every_time` is false where the row also holds paths that skip the question
/// ("if asked").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Cell {
    answers: u16,
    every_time: bool,
}

impl Cell {
    /// The answers' indexes, in the order the page offers them.
    fn indexes(self) -> impl Iterator<Item = usize> {
        (0..16).filter(move |i| self.answers & (1 << i) != 0)
    }
}

/// Per question (in [`QUESTIONS`] order): not asked, or the answers that lead to the result.
type Cells = [Option<Cell>; QUESTIONS.len()];

fn told(policy: &Policy, draft: &Draft, page: PageId) -> Told {
    let assessment = triage::assess(policy, draft, received());
    // Compliments and comments stop at the feedback page: no outcome page, no Ombudsman.
    let ombudsman = (page == PageId::Outcome).then(|| ombudsman_summary(policy, draft));
    Told {
        outcome: assessment.outcome,
        built_in: assessment.built_in,
        summary: assessment.summary(ENGLISH),
        reason: assessment.reason(ENGLISH),
        signpost: assessment.signpost(ENGLISH),
        exclusion: assessment.exclusion.as_ref().map(|e| e.id.clone()),
        landlord_words: assessment
            .landlord_words()
            .map(|e| (e.id.clone(), e.summary.get(ENGLISH).to_string())),
        send_anyway: assessment.can_override(),
        concern: assessment.concern_offered.clone(),
        asb_case_continues: assessment.asb_case_continues,
        reason_shown: assessment.reason_shown(),
        ombudsman,
    }
}

/// Which Ombudsman, by connection, in few words: the answer most connections get, then the
/// exceptions ("Housing Ombudsman; none for members of the public"). The tree does not branch
/// on the connection (asked before triage); each row sums it up instead.
fn ombudsman_summary(policy: &Policy, draft: &Draft) -> String {
    let mut groups: Vec<(Vec<&'static str>, Vec<Connection>)> = Vec::new();
    for connection in Connection::ALL {
        let as_them = Draft {
            connection: Some(connection),
            ..draft.clone()
        };
        let names: Vec<&'static str> = ombudsman_for(policy, &as_them)
            .iter()
            .map(|o| (o.name)(ENGLISH))
            .collect();
        match groups.iter_mut().find(|(n, _)| *n == names) {
            Some((_, who)) => who.push(connection),
            None => groups.push((names, vec![connection])),
        }
    }
    let words = |names: &[&str]| match names {
        [] => "none".to_string(),
        // Either, by the service (a council's other services).
        names => names.join(" or "),
    };
    let most = (0..groups.len())
        .max_by_key(|&i| (groups[i].1.len(), std::cmp::Reverse(i)))
        .expect("at least one connection");
    let mut summary = words(&groups[most].0);
    for (i, (names, who)) in groups.iter().enumerate() {
        if i != most {
            let _ = write!(summary, "; {} for {}", words(names), who_list(who, ENGLISH));
        }
    }
    summary
}

/// Every path through the triage questions, with its result.
fn leaves(policy: &Policy) -> Vec<(Told, Cells)> {
    fn walk(
        policy: &Policy,
        draft: &Draft,
        page: PageId,
        cells: Cells,
        out: &mut Vec<(Told, Cells)>,
    ) {
        let column = QUESTIONS
            .iter()
            .position(|q| *q == page)
            .expect("only triage questions are walked");
        for (i, answer) in answers(policy, page).iter().enumerate() {
            let mut draft = draft.clone();
            (answer.set)(&mut draft);
            let mut cells = cells;
            cells[column] = Some(Cell {
                answers: 1 << i,
                every_time: true,
            });
            match journey::next(policy, &draft, page, received()) {
                Some(next) if QUESTIONS.contains(&next) => walk(policy, &draft, next, cells, out),
                // The end of triage: the outcome page, or the feedback page for a compliment or
                // comment. Anything else would be a new page this table does not know yet:
                // judged where it stands, so the table still shows something (a test catches it).
                Some(end) => out.push((told(policy, &draft, end), cells)),
                None => out.push((told(policy, &draft, PageId::Outcome), cells)),
            }
        }
    }
    let mut out = Vec::new();
    let start = Draft::new(&policy.id);
    walk(
        policy,
        &start,
        PageId::Kind,
        [None; QUESTIONS.len()],
        &mut out,
    );
    out
}

/// Whether a row describes a path: every question the path asks is answered with one of the
/// row's answers. A question the path skips matches anything: the earlier answers decide
/// which questions come, so a row need not say.
fn describes(row: &Cells, path: &Cells) -> bool {
    row.iter().zip(path).all(|(row, path)| match (row, path) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(row), Some(path)) => path.answers & !row.answers == 0,
    })
}

/// Merges rows with the same result that differ in the answers to one question only, until
/// none do. Each merged row stands for exactly the paths it came from: the other cells are
/// equal, so the union of one cell is the union of the rows. A result is an index into the
/// distinct results, which hashes far faster than the words.
fn merge_answers(mut rows: Vec<(usize, Cells)>) -> Vec<(usize, Cells)> {
    loop {
        let before = rows.len();
        for column in 0..QUESTIONS.len() {
            let mut merged: Vec<(usize, Cells)> = Vec::with_capacity(rows.len());
            let mut index: HashMap<(usize, Cells), usize> = HashMap::new();
            for (told, mut cells) in rows {
                // A question asked on one path and not the other is for `merge_branches`.
                let Some(cell) = cells[column].take() else {
                    merged.push((told, cells));
                    continue;
                };
                let key = (told, cells);
                if let Some(&at) = index.get(&key) {
                    let union = merged[at].1[column].as_mut().expect("set when first seen");
                    union.answers |= cell.answers;
                    union.every_time &= cell.every_time;
                } else {
                    index.insert(key, merged.len());
                    let (told, mut cells) = key;
                    cells[column] = Some(cell);
                    merged.push((told, cells));
                }
            }
            rows = merged;
        }
        if rows.len() == before {
            return rows;
        }
    }
}

/// The row two rows would merge into where one question's answers differ and the branches
/// they take ask different questions after it ("within the limit" skips the late reason that
/// "out of time" asks): a question only one of them asks becomes "if asked". None where they
/// differ in more than that.
fn joined(a: &Cells, b: &Cells) -> Option<Cells> {
    let mut differing = 0;
    let cells = std::array::from_fn(|column| match (a[column], b[column]) {
        (a, b) if a == b => a,
        (Some(only), None) | (None, Some(only)) => Some(Cell {
            every_time: false,
            ..only
        }),
        (Some(a), Some(b)) => {
            differing += 1;
            Some(Cell {
                answers: a.answers | b.answers,
                every_time: a.every_time && b.every_time,
            })
        }
        (None, None) => None,
    });
    (differing <= 1).then_some(cells)
}

/// Merges rows with the same result whose paths branch to different questions, where the
/// merged row describes exactly the paths of the two: checked against every path, so a row
/// never claims a path it does not hold.
fn merge_branches(rows: Vec<(usize, Cells)>, paths: &[Cells]) -> Vec<(usize, Cells)> {
    let count = |cells: &Cells| paths.iter().filter(|p| describes(cells, p)).count();
    let mut rows: Vec<(usize, Cells, usize)> = rows
        .into_iter()
        .map(|(told, cells)| {
            let n = count(&cells);
            (told, cells, n)
        })
        .collect();
    'again: loop {
        for i in 0..rows.len() {
            for j in i + 1..rows.len() {
                if rows[i].0 != rows[j].0 {
                    continue;
                }
                let Some(cells) = joined(&rows[i].1, &rows[j].1) else {
                    continue;
                };
                let n = count(&cells);
                if n == rows[i].2 + rows[j].2 {
                    rows[i].1 = cells;
                    rows[i].2 = n;
                    rows.swap_remove(j);
                    continue 'again;
                }
            }
        }
        return rows
            .into_iter()
            .map(|(told, cells, _)| (told, cells))
            .collect();
    }
}

/// Merges until nothing merges: the rows then partition the paths, each with its result.
fn merge(paths: &[(Told, Cells)]) -> Vec<(Told, Cells)> {
    let mut distinct: Vec<&Told> = Vec::new();
    let mut ids: HashMap<&Told, usize> = HashMap::new();
    let mut rows: Vec<(usize, Cells)> = paths
        .iter()
        .map(|(told, cells)| {
            let id = *ids.entry(told).or_insert_with(|| {
                distinct.push(told);
                distinct.len() - 1
            });
            (id, *cells)
        })
        .collect();
    let cells: Vec<Cells> = paths.iter().map(|(_, cells)| *cells).collect();
    rows = merge_answers(rows);
    loop {
        let before = rows.len();
        rows = merge_answers(merge_branches(rows, &cells));
        if rows.len() == before {
            break;
        }
    }
    rows.into_iter()
        .map(|(id, cells)| (distinct[id].clone(), cells))
        .collect()
}

/// The profile's decision table: one row per distinct answer of triage, by outcome (in
/// [`Conclusion::ALL`] order) and then in the order of the journey's answers.
pub fn table(policy: &Policy) -> Vec<Row> {
    let mut rows = merge(&leaves(policy));
    let rank = |outcome: Conclusion| Conclusion::ALL.iter().position(|o| *o == outcome);
    // Within an outcome, in the order the journey offers the answers.
    rows.sort_by_cached_key(|(told, cells)| {
        let answers: Vec<Option<(Vec<usize>, bool)>> = cells
            .iter()
            .map(|cell| cell.map(|cell| (cell.indexes().collect(), cell.every_time)))
            .collect();
        (rank(told.outcome), answers)
    });
    let landlord = policy.landlord.name.english();
    let labels: Vec<Vec<String>> = QUESTIONS
        .iter()
        .map(|&page| answers(policy, page).into_iter().map(|a| a.label).collect())
        .collect();
    rows.into_iter()
        .map(|(result, cells)| {
            let answers = cells
                .iter()
                .zip(QUESTIONS)
                .zip(&labels)
                .filter_map(|((cell, page), labels)| {
                    let cell = cell.as_ref()?;
                    let words = if cell.indexes().count() == labels.len() {
                        vec!["Any answer".to_string()]
                    } else {
                        cell.indexes().map(|i| labels[i].clone()).collect()
                    };
                    let mut question = page.page().question(landlord, false, ENGLISH);
                    if !cell.every_time {
                        question.push_str(" (if asked)");
                    }
                    Some((question, words))
                })
                .collect();
            Row {
                outcome: result.outcome,
                summary: result.summary,
                reason: result.reason,
                signpost: result.signpost,
                exclusion: result.exclusion,
                landlord_words: result.landlord_words,
                send_anyway: result.send_anyway,
                concern: result.concern,
                asb_case_continues: result.asb_case_continues,
                reason_shown: result.reason_shown,
                ombudsman: result.ombudsman,
                answers,
            }
        })
        .collect()
}

/// An outcome's name for the web team.
pub fn outcome_name(outcome: Conclusion) -> &'static str {
    match outcome {
        Conclusion::Complaint => "Complaint",
        Conclusion::ServiceRequest => "Service request",
        Conclusion::HazardReport => "Hazard report",
        Conclusion::PutRightAlready => "Put right already",
        Conclusion::AntiSocialBehaviour => "Anti-social behaviour procedure",
        Conclusion::OtherRoute => "Another route",
        Conclusion::Excluded => "Not treated as a complaint",
        Conclusion::Ombudsman => "The Ombudsman",
        Conclusion::Feedback => "Compliment or comment",
    }
}

/// Whose words the resident reads, in Markdown: ours, the profile's, or ours with the
/// profile's beside.
fn whose_words(row: &Row) -> String {
    match (&row.exclusion, &row.landlord_words) {
        (_, Some((id, summary))) => format!(
            "ours (a route the law sets), with the profile\u{2019}s `{id}` beside: \u{201c}{summary}\u{201d}"
        ),
        (Some(id), None) => format!("the profile\u{2019}s own (`{id}`)"),
        (None, None) => "ours (the profile lists nothing for this)".to_string(),
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// The table as Markdown, for a golden file a web team reviews as a diff: one section a row,
/// one line an answer, so a change shows as the lines it changes.
pub fn markdown(policy: &Policy) -> String {
    let rows = table(policy);
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# What residents are told: `{}` (version {})\n",
        policy.id, policy.version
    );
    let _ = writeln!(
        md,
        "Generated from the triage rules and the journey by `src/domain/triage_table.rs`: do not edit by hand. \
         Dates are judged as if the complaint arrived on {}. {} distinct answers.\n",
        received().format("%-d %B %Y"),
        rows.len()
    );
    md.push_str(
        "Each answer lists the questions on the way to it with the answers that lead there. \
         A question not listed is not asked; \u{201c}(if asked)\u{201d} means the earlier \
         answers decide whether it is.\n\n",
    );
    for row in &rows {
        let _ = writeln!(md, "## {}: {}\n", outcome_name(row.outcome), row.summary);
        let _ = writeln!(
            md,
            "Outcome `{}`. When the resident answers:\n",
            row.outcome.id()
        );
        for (question, answers) in &row.answers {
            let _ = writeln!(md, "- {question}");
            for answer in answers {
                let _ = writeln!(md, "  - {answer}");
            }
        }
        md.push('\n');
        let shown = if row.reason_shown {
            ""
        } else {
            " (not shown to the resident)"
        };
        let _ = writeln!(md, "- **Why{shown}:** {}", row.reason.replace('\n', " "));
        if let Some(signpost) = &row.signpost {
            let _ = writeln!(
                md,
                "- **Where to go instead:** {}",
                signpost.replace('\n', " ")
            );
        }
        let _ = writeln!(md, "- **Words:** {}", whose_words(row));
        if let Some(concern) = &row.concern {
            let _ = writeln!(md, "- **Quick route offered:** {concern}");
        }
        if row.asb_case_continues {
            let _ = writeln!(md, "- **The ASB case carries on** under the ASB procedure");
        }
        let _ = writeln!(
            md,
            "- **May send it as a complaint anyway:** {}",
            yes_no(row.send_anyway)
        );
        let _ = writeln!(
            md,
            "- **Ombudsman:** {}\n",
            row.ombudsman
                .as_deref()
                .unwrap_or("not shown (no outcome page)")
        );
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::{AfterReport, Asb};
    use crate::domain::words::Label;
    use std::collections::BTreeSet;

    fn policy(id: &str) -> Policy {
        Policy::builtin(id).unwrap()
    }

    fn answered(row: &Row, page: PageId, landlord: &str) -> Option<Vec<String>> {
        let q = page.page().question(landlord, false, ENGLISH);
        row.answers
            .iter()
            .find(|(question, _)| question.trim_end_matches(" (if asked)") == q)
            .map(|(_, a)| a.clone())
    }

    #[test]
    fn the_questions_are_in_journey_order() {
        let pages: Vec<PageId> = PageId::ALL
            .iter()
            .copied()
            .filter(|page| QUESTIONS.contains(page))
            .collect();
        assert_eq!(pages, QUESTIONS);
        for page in QUESTIONS {
            assert!(!answers(&policy("nottingham"), page).is_empty(), "{page:?}");
        }
    }

    #[test]
    fn the_after_report_answers_that_make_a_complaint_are_one_cell() {
        let code = policy("hos-code-2024");
        let landlord = code.landlord.name.english().to_string();
        let not_sorted: Vec<String> = AfterReport::ALL
            .iter()
            .filter(|a| **a != AfterReport::SortedStraightAway)
            .map(|a| a.label(ENGLISH).to_string())
            .collect();
        assert_eq!(not_sorted.len(), 7);
        let cells: Vec<Vec<String>> = table(&code)
            .iter()
            .filter(|r| r.outcome == Conclusion::Complaint)
            .filter_map(|r| answered(r, PageId::AfterReport, &landlord))
            .collect();
        assert!(!cells.is_empty());
        assert!(cells.iter().all(|cell| *cell == not_sorted), "{cells:?}");
    }

    #[test]
    fn merging_keeps_exactly_the_paths() {
        // Every path is described by exactly one row, and that row has its result: the rows
        // are a partition of the paths.
        for id in Policy::builtin_ids() {
            let policy = policy(id);
            let paths = leaves(&policy);
            let rows = merge(&paths);
            assert!(rows.len() < paths.len(), "{id}");
            for (told, path) in &paths {
                let holding: Vec<_> = rows
                    .iter()
                    .filter(|(_, row)| describes(row, path))
                    .collect();
                assert_eq!(holding.len(), 1, "{id}: {path:?}");
                assert_eq!(&holding[0].0, told, "{id}: {path:?}");
            }
        }
    }

    #[test]
    fn a_toy_merge_reaches_a_fixed_point() {
        let told = |outcome| Told {
            outcome,
            built_in: None,
            summary: String::new(),
            reason: String::new(),
            signpost: None,
            exclusion: None,
            landlord_words: None,
            send_anyway: false,
            concern: None,
            asb_case_continues: false,
            reason_shown: false,
            ombudsman: None,
        };
        let cell = |answers: &[usize]| {
            Some(Cell {
                answers: answers.iter().map(|i| 1 << i).sum(),
                every_time: true,
            })
        };
        let cells = |a: usize, b: usize| {
            let mut cells: Cells = [None; QUESTIONS.len()];
            cells[0] = cell(&[a]);
            cells[1] = cell(&[b]);
            cells
        };
        // A 2x2 grid of one result merges into one row; a different result stays apart.
        let paths = vec![
            (told(Conclusion::Complaint), cells(0, 0)),
            (told(Conclusion::Complaint), cells(0, 1)),
            (told(Conclusion::Complaint), cells(1, 0)),
            (told(Conclusion::Complaint), cells(1, 1)),
            (told(Conclusion::Excluded), cells(2, 0)),
        ];
        let rows = merge(&paths);
        assert_eq!(rows.len(), 2);
        let complaint = rows
            .iter()
            .find(|(r, _)| r.outcome == Conclusion::Complaint)
            .unwrap();
        assert_eq!(complaint.1[0], cell(&[0, 1]));
        assert_eq!(complaint.1[1], cell(&[0, 1]));
    }

    #[test]
    fn a_question_one_branch_skips_is_if_asked() {
        // The Code: out of time and ended asks for a reason; within the limit does not. With
        // another body responsible, the answer is the same either way: one row, "if asked"
        // (and one more for a complaint about ASB reports, where the ASB case carries on).
        let code = policy("hos-code-2024");
        let landlord = code.landlord.name.english().to_string();
        let other_body = table(&code)
            .into_iter()
            .filter(|r| r.summary == BuiltIn::OtherBody.summary(ENGLISH))
            .filter(|r| !r.asb_case_continues)
            .collect::<Vec<_>>();
        assert_eq!(other_body.len(), 1, "{other_body:#?}");
        let late = PageId::LateReason.page().question(&landlord, false, ENGLISH);
        assert!(other_body[0]
            .answers
            .contains(&(format!("{late} (if asked)"), vec!["Any answer".to_string()])));
        assert_eq!(
            answered(&other_body[0], PageId::When, &landlord),
            Some(vec!["Any answer".to_string()])
        );
    }

    #[test]
    fn every_outcome_a_profile_gives_is_in_its_table() {
        for id in Policy::builtin_ids() {
            let policy = policy(id);
            let reached: BTreeSet<&str> = leaves(&policy)
                .iter()
                .map(|(r, _)| r.outcome.id())
                .collect();
            let shown: BTreeSet<&str> = table(&policy).iter().map(|r| r.outcome.id()).collect();
            assert_eq!(reached, shown, "{id}");
            // Every outcome but an exclusion comes from rules that apply under every policy;
            // an exclusion needs a time limit or an exclusion of a kind only the profile
            // decides (Greatwell has neither).
            use crate::domain::policy::ExclusionKind::*;
            let excludes = policy.time_limit.is_some()
                || policy.exclusions.iter().any(|e| {
                    matches!(
                        e.kind,
                        LegalProceedings
                            | InsuranceClaim
                            | StaffGrievance
                            | BusinessRelationship
                            | PolicyDisagreement
                            | InformationRequest
                            | OutOfTime
                    )
                });
            // The hazard's questions come before triage's, like who is complaining: the policy
            // check's section on Awaab's Law explains the hazard report instead.
            let expected: BTreeSet<&str> = Conclusion::ALL
                .iter()
                .filter(|o| excludes || **o != Conclusion::Excluded)
                .filter(|o| **o != Conclusion::HazardReport)
                .map(|o| o.id())
                .collect();
            assert_eq!(shown, expected, "{id}");
        }
    }

    #[test]
    fn every_path_ends_at_the_outcome_or_feedback_page() {
        for id in Policy::builtin_ids() {
            let policy = policy(id);
            for (result, _) in leaves(&policy) {
                assert_eq!(
                    result.ombudsman.is_none(),
                    result.outcome == Conclusion::Feedback,
                    "{id}: {result:?}"
                );
            }
        }
    }

    #[test]
    fn the_ombudsman_is_summed_up_by_connection() {
        let draft = Draft::new("test");
        assert_eq!(
            ombudsman_summary(&policy("hos-code-2024"), &draft),
            "Housing Ombudsman; none for members of the public"
        );
        let council = ombudsman_summary(&policy("nottingham"), &draft);
        assert_eq!(
            council,
            "Housing Ombudsman; \
             Local Government and Social Care Ombudsman for people who have asked for a home; \
             Housing Ombudsman or Local Government and Social Care Ombudsman for people who use its services; \
             none for members of the public"
        );
    }

    #[test]
    fn any_answer_is_said_so() {
        let code = policy("hos-code-2024");
        let landlord = code.landlord.name.english().to_string();
        let asb = table(&code)
            .into_iter()
            .find(|r| r.outcome == Conclusion::AntiSocialBehaviour)
            .unwrap();
        assert_eq!(
            answered(&asb, PageId::Asb, &landlord),
            Some(vec![Asb::Behaviour.label(ENGLISH).to_string()])
        );
        assert_eq!(answered(&asb, PageId::Matter, &landlord), None, "not asked");
    }
}
