//! Tests of `completeness`.

use super::*;

#[test]
fn nothing_missing_is_complete_and_says_the_lead_as_is() {
    let c = Completeness::default();
    assert!(c.is_complete());
    assert_eq!(c.state(), State::Complete);
    assert_eq!(c.why_not(), None);
    assert_eq!(c.verdict(0), "on plan");
    assert_eq!(c.verdict(-18), "18 behind plan");
    assert!(c.is_good_news(0));
    assert!(!c.is_good_news(-1));
    assert_eq!(c.qualify("on course"), "on course");
}

#[test]
fn a_refused_file_makes_the_figures_incomplete_never_on_plan() {
    let c = Completeness::new(vec![
        Gap::RefusedFile("queue-roanne.yaml".into()),
        Gap::RecordsLeftOut(3),
    ]);
    assert!(!c.is_complete());
    assert_eq!(c.state(), State::Incomplete);
    assert_eq!(
        c.why_not().as_deref(),
        Some(
            "figures incomplete: queue-roanne.yaml refused: its records are left out; \
             3 records left out for a bad value"
        )
    );
    assert_eq!(c.verdict(0), "on plan on incomplete figures");
    assert!(!c.is_good_news(0));
    assert_eq!(c.qualify("on course"), "on incomplete figures: on course");
    assert_eq!(
        Gap::StaleFile("plan.yaml".into()).words(),
        "plan.yaml refused: its last good version stands in for it"
    );
    assert_eq!(
        Gap::RecordsLeftOut(1).words(),
        "1 record left out for a bad value"
    );
}

#[test]
fn records_the_merge_leaves_out_or_counts_twice_make_the_figures_incomplete() {
    assert_eq!(MergeGaps::default().gaps(), Vec::new());
    let gaps = MergeGaps {
        left_out: 1,
        counted_twice: 2,
    }
    .gaps();
    assert_eq!(gaps, vec![Gap::RecordsDropped(1), Gap::CountedTwice(2)]);
    let c = Completeness::new(gaps);
    assert_eq!(c.state(), State::Incomplete);
    assert!(c.hides_vehicles());
    assert_eq!(c.verdict(-18), "18 behind plan on incomplete figures");
    assert_eq!(
        c.why_not().as_deref(),
        Some(
            "figures incomplete: 1 record left out for a conflict with the rest of the set; \
             2 vehicles counted twice: delivered and still in the queue, or delivered twice"
        )
    );
    assert_eq!(Gap::RecordsDropped(1).fix(), None);
}

#[test]
fn no_programme_or_no_file_is_no_data_whatever_else() {
    for gaps in [
        vec![Gap::NoStatusFiles, Gap::UnreadSource("/nope".into())],
        vec![Gap::RefusedFile("programme.yaml".into()), Gap::NoProgramme],
    ] {
        let c = Completeness::new(gaps);
        assert_eq!(c.state(), State::NoData);
        assert_eq!(c.verdict(0), "no data");
        assert!(!c.is_good_news(0));
        assert_eq!(c.qualify("no vehicles on contract"), "no data");
        assert!(c.why_not().is_some_and(|w| w.starts_with("no data: ")));
    }
    assert_eq!(State::NoData.as_str(), "no_data");
}

#[test]
fn no_plan_gives_no_verdict_and_no_finding_that_rests_on_the_plan() {
    let c = Completeness::new(vec![Gap::NoPlan]);
    assert_eq!(c.state(), State::Incomplete);
    assert!(!c.is_complete());
    assert!(c.lacks_plan());
    // 70 delivered against no plan is not "70 ahead of plan".
    assert_eq!(c.verdict(70), "no plan to compare with");
    assert!(!c.is_good_news(70));
    assert_eq!(c.finding("Paint is 9 vehicles short", true), None);
    // A bottleneck does not rest on the plan: every vehicle is still counted.
    assert!(!c.hides_vehicles());
    assert_eq!(
        c.finding("Paint is the bottleneck", false).as_deref(),
        Some("Paint is the bottleneck")
    );
    assert!(
        Gap::NoPlan
            .fix()
            .is_some_and(|f| f.contains("`plan` section"))
    );
    assert_eq!(Gap::RefusedFile("a.yaml".into()).fix(), None);
}

#[test]
fn no_deliveries_section_is_incomplete_and_says_none_are_counted() {
    let c = Completeness::new(vec![Gap::NoDeliveries]);
    assert_eq!(c.state(), State::Incomplete);
    assert_eq!(c.verdict(-88), "88 behind plan on incomplete figures");
    assert_eq!(
        c.why_not().as_deref(),
        Some("figures incomplete: no `deliveries` section: the figures count none delivered")
    );
    assert!(
        Gap::NoDeliveries
            .fix()
            .is_some_and(|f| f.contains("`deliveries: []`"))
    );
}

#[test]
fn a_finding_is_given_as_fact_only_on_complete_figures() {
    let s = "Paint is 9 vehicles short";
    assert_eq!(Completeness::default().finding(s, true).as_deref(), Some(s));
    let c = Completeness::new(vec![Gap::RefusedFile("queue-seraing.yaml".into())]);
    assert_eq!(
        c.finding(s, true).as_deref(),
        Some("may be wrong on incomplete figures: Paint is 9 vehicles short")
    );
    assert_eq!(
        Completeness::new(vec![Gap::NoStatusFiles]).finding(s, false),
        None
    );
}
