//! Which page comes next: the order of the resident's journey as a pure function of the policy
//! and the answers so far, so that every branch is tested natively and "back" and the
//! check-answers page's change links agree with it by construction.

use chrono::NaiveDate;

use super::draft::Draft;
use super::policy::Policy;

use super::pages::PageId;

/// The page after `page`, given the answers so far (each page's declaration in `pages.rs`
/// says); `None` where the journey stops (the outcome page of a matter that belongs elsewhere,
/// unless the resident sends it anyway, and check-answers). An unanswered question follows its
/// most common branch.
pub fn next(policy: &Policy, draft: &Draft, page: PageId, today: NaiveDate) -> Option<PageId> {
    page.page().next(policy, draft, today)
}

/// The pages the resident passes through from the start, in order, up to where the journey
/// stops with the answers so far.
pub fn path(policy: &Policy, draft: &Draft, today: NaiveDate) -> Vec<PageId> {
    let mut pages = vec![PageId::Start];
    while let Some(page) = next(policy, draft, *pages.last().unwrap(), today) {
        if pages.contains(&page) {
            break; // cannot happen with the rules above; guards against a future loop
        }
        pages.push(page);
    }
    pages
}

/// The page before `page` on the resident's path, for the back link; `None` at the start or
/// for a page that is not on the path with these answers.
pub fn previous(policy: &Policy, draft: &Draft, page: PageId, today: NaiveDate) -> Option<PageId> {
    let pages = path(policy, draft, today);
    let at = pages.iter().position(|p| *p == page)?;
    at.checked_sub(1).map(|before| pages[before])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::examples;
    use crate::domain::draft::{
        AfterReport, Asb, Who, DateInput, FeedbackKind, Matter, PriorComplaint, Route,
        YesNo,
    };

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn slugs(policy: &Policy, draft: &Draft) -> Vec<&'static str> {
        path(policy, draft, today())
            .into_iter()
            .map(PageId::slug)
            .collect()
    }

    /// A resident complaining for themselves about a repair reported before and not fixed.
    fn complaint() -> Draft {
        Draft {
            ongoing: None,
            ..examples::complaint("hos-code-2024")
        }
    }

    #[test]
    fn a_complaint_passes_every_question_once() {
        let policy = Policy::default_policy();
        assert_eq!(
            slugs(&policy, &complaint()),
            [
                "",
                "safety",
                "hazard",
                "who",
                "connection",
                "kind",
                "anti-social-behaviour",
                "complained-before",
                "other-process",
                "what-about",
                "told-before",
                "after-report",
                "when",
                "responsibility",
                "outcome",
                "category",
                "what-went-wrong",
                "photos",
                "where",
                "done-so-far",
                "impact",
                "outcome-wanted",
                "support",
                "contact",
                "check-answers"
            ]
        );
    }

    #[test]
    fn danger_shows_the_emergency_page_then_goes_on() {
        let policy = Policy::default_policy();
        let draft = Draft {
            danger: Some(YesNo::Yes),
            ..complaint()
        };
        assert_eq!(
            &slugs(&policy, &draft)[1..5],
            ["safety", "emergency", "hazard", "who"]
        );
    }

    #[test]
    fn damp_or_another_hazard_asks_about_it_in_every_nation() {
        use crate::domain::draft::HazardAnswer;
        // In Wales, Scotland and Northern Ireland the law sets no dates, but the landlord
        // still needs to know, and the resident is told plainly (see `hazard_report`).
        let mut wales = Policy::default_policy();
        wales.nation = Some(crate::domain::policy::Nation::Wales);
        for policy in [Policy::default_policy(), wales] {
            for hazard in [HazardAnswer::DampAndMould, HazardAnswer::Other] {
                let draft = Draft { hazard: Some(hazard), ..complaint() };
                assert_eq!(&slugs(&policy, &draft)[1..5], ["safety", "hazard", "about-the-hazard", "who"]);
            }
        }
    }

    #[test]
    fn a_representative_gives_their_details() {
        let policy = Policy::default_policy();
        let draft = Draft {
            complainant: Some(Who::SomeoneElse),
            ..complaint()
        };
        assert_eq!(
            &slugs(&policy, &draft)[3..6],
            ["who", "representative", "connection"]
        );
    }

    #[test]
    fn anonymous_skips_support_and_contact() {
        let policy = Policy::builtin("south-cambridgeshire").unwrap();
        let draft = Draft {
            complainant: Some(Who::Anonymous),
            ..complaint()
        };
        let pages = slugs(&policy, &draft);
        assert!(!pages.contains(&"contact") && !pages.contains(&"support"));
        assert_eq!(pages.last(), Some(&"check-answers"));
    }

    #[test]
    fn compliments_take_the_short_path() {
        let policy = Policy::default_policy();
        let draft = Draft {
            kind: Some(FeedbackKind::Compliment),
            ..complaint()
        };
        assert_eq!(
            &slugs(&policy, &draft)[5..],
            ["kind", "feedback", "support", "contact", "check-answers"]
        );
    }

    #[test]
    fn matters_that_belong_elsewhere_stop_at_the_outcome() {
        let policy = Policy::default_policy();
        for draft in [
            Draft {
                asb: Some(Asb::Behaviour),
                ..complaint()
            },
            Draft {
                told_before: Some(YesNo::No),
                ..complaint()
            },
            Draft {
                after_report: Some(AfterReport::SortedStraightAway),
                ..complaint()
            },
        ] {
            assert_eq!(
                path(&policy, &draft, today()).last(),
                Some(&PageId::Outcome),
                "{draft:?}"
            );
        }
    }

    #[test]
    fn sending_anyway_goes_on_to_the_complaint() {
        let policy = Policy::default_policy();
        let draft = Draft {
            told_before: Some(YesNo::No),
            send_anyway: Some(YesNo::Yes),
            override_reason: "I reported it by phone but it was never logged".into(),
            ..complaint()
        };
        assert_eq!(path(&policy, &draft, today()).last(), Some(&PageId::Check));
    }

    #[test]
    fn an_old_matter_asks_for_a_good_reason_where_the_policy_allows_one() {
        let policy = Policy::builtin("town-and-country").unwrap(); // 6 months, special circumstances
        let old = DateInput {
            day: "1".into(),
            month: "1".into(),
            year: "2026".into(),
        };
        let draft = Draft {
            issue_date: old.clone(),
            ..complaint()
        };
        assert!(slugs(&policy, &draft).contains(&"late-reason"));
        assert!(!slugs(&policy, &complaint()).contains(&"late-reason"));
        // Still going on: in time, no reason needed.
        let ongoing = Draft {
            ongoing: Some(YesNo::Yes),
            ..draft.clone()
        };
        assert!(!slugs(&policy, &ongoing).contains(&"late-reason"));
        // Nottingham's limit bars only what was not raised before: a repair reported before
        // needs no reason; a conduct complaint raised for the first time does.
        let nottingham = Policy::builtin("nottingham").unwrap();
        assert!(!slugs(&nottingham, &draft).contains(&"late-reason"));
        let conduct = Draft {
            matter: Some(Matter::Conduct),
            ..draft.clone()
        };
        assert!(slugs(&nottingham, &conduct).contains(&"late-reason"));
        let greatwell = Policy::builtin("greatwell").unwrap(); // no time limit
        assert!(!slugs(&greatwell, &draft).contains(&"late-reason"));
    }

    #[test]
    fn told_before_is_asked_only_about_something_to_do_or_fix() {
        let policy = Policy::default_policy();
        for matter in [Matter::Conduct, Matter::Rules, Matter::Other] {
            let pages = slugs(&policy, &Draft { matter: Some(matter), ..complaint() });
            assert!(!pages.contains(&"told-before") && !pages.contains(&"after-report"), "{matter:?}");
            assert!(pages.contains(&"when") && pages.contains(&"check-answers"), "{matter:?}");
        }
        // How ASB reports were handled: they were reported, so neither is asked.
        let handling = slugs(&policy, &Draft { asb: Some(Asb::Handling), ..complaint() });
        assert!(!handling.contains(&"what-about") && !handling.contains(&"told-before"));
        assert!(handling.contains(&"other-process"));
    }

    #[test]
    fn a_decision_asks_which_then_shows_its_route() {
        let policy = Policy::default_policy();
        let draft = Draft {
            matter: Some(Matter::Decision),
            decision: Some(crate::domain::policy::Decision::ServiceCharge),
            ..complaint()
        };
        let pages = slugs(&policy, &draft);
        assert_eq!(&pages[9..], ["what-about", "which-decision", "outcome"]);
        // A decision with no appeal the resident knows of is a complaint: the journey goes on.
        let no_route = Draft {
            decision: Some(crate::domain::policy::Decision::NoRoute),
            ..draft
        };
        let pages = slugs(&policy, &no_route);
        assert!(pages.contains(&"which-decision") && pages.contains(&"check-answers"));
    }

    #[test]
    fn after_a_final_answer_nothing_later_is_asked() {
        let policy = Policy::default_policy();
        let draft = Draft {
            prior_complaint: Some(PriorComplaint::Answered),
            ..complaint()
        };
        assert_eq!(path(&policy, &draft, today()).last(), Some(&PageId::Outcome));
        assert!(!slugs(&policy, &draft).contains(&"when"));
    }

    #[test]
    fn back_is_the_inverse_of_next() {
        let policy = Policy::default_policy();
        let draft = Draft {
            route: Some(Route::Complaint),
            ..complaint()
        };
        let pages = path(&policy, &draft, today());
        for pair in pages.windows(2) {
            assert_eq!(previous(&policy, &draft, pair[1], today()), Some(pair[0]));
        }
        assert_eq!(previous(&policy, &draft, PageId::Start, today()), None);
        assert_eq!(previous(&policy, &draft, PageId::Emergency, today()), None);
    }
}
