//! The report as Markdown: a title and a summary, then a headed table per section.

use super::tables::{self, Cell, Table};
use super::{Report, Section};
use crate::domain::words::{capitalize, last_months, plural};

/// The report as Markdown: a title and summary, then headed tables.
pub(super) fn write(r: &Report, only: Option<Section>) -> String {
    let mut out = String::new();
    let sections: Vec<Section> = only.map_or_else(|| Section::ALL.to_vec(), |s| vec![s]);
    match only {
        None => markdown_head(r, &mut out),
        // A section alone starts with the completeness when something is missing.
        Some(s) if s != Section::Completeness && !r.completeness.complete => {
            out.push_str(&format!(
                "Figures: {}\n\n",
                md_escape(&tables::figures_words(r))
            ));
        }
        Some(_) => {}
    }
    for s in sections {
        out.push_str(&format!("## {}\n\n", s.title()));
        let mut intro = section_intro(r, s);
        if let Some(note) = tables::no_plan_note(r, s) {
            intro = md_escape(&note);
        }
        if !intro.is_empty() {
            out.push_str(&intro);
            out.push_str("\n\n");
        }
        if s == Section::Completeness && r.completeness.complete {
            out.push_str("Nothing is missing: the figures rest on every status file named.\n\n");
            continue;
        }
        let t = tables::table(r, s);
        if t.rows.is_empty() {
            out.push_str(match s {
                Section::Problems => "No problems.\n\n",
                Section::Holds => "No vehicle is on hold.\n\n",
                Section::Attributes => "No variant has attributes.\n\n",
                Section::Changes => "No stage entered and no hand-over in these days.\n\n",
                _ => "Nothing to show.\n\n",
            });
            continue;
        }
        markdown_table(&t, &mut out);
        out.push('\n');
    }
    out
}

fn markdown_head(r: &Report, out: &mut String) {
    let name = r.programme.as_ref().map_or("(no programme)", |p| &p.name);
    out.push_str(&format!(
        "# {}: figures for {}\n\n",
        md_escape(name),
        r.today
    ));
    if let Some(p) = &r.programme {
        let mut facts = Vec::new();
        if let Some(c) = &p.customer {
            facts.push(format!("for {}", md_escape(c)));
        }
        if let Some(prime) = &p.prime {
            facts.push(format!("prime {}", md_escape(prime)));
        }
        if let Some(fa) = &p.final_assembler {
            facts.push(format!("final assembly {}", md_escape(fa)));
        }
        facts.push(format!("deliveries {}–{}", p.first_year, p.last_year));
        out.push_str(&format!("{}.\n\n", capitalize(&facts.join(" · "))));
    }
    let t = &r.total;
    let s = &r.schedule;
    out.push_str(&format!(
        "- Figures: {}\n",
        md_escape(&tables::figures_words(r))
    ));
    let errors = r.problems.iter().filter(|p| p.severity == "error").count();
    let warnings = r.problems.len() - errors;
    out.push_str(&format!(
        "- Delivered: {} of {} ({:.1}%), {} in assembly, {} not started\n",
        t.delivered, t.contracted, t.percent_delivered, t.in_assembly, t.not_started
    ));
    match s.planned_to_date {
        Some(planned) => out.push_str(&format!(
            "- Schedule: {} delivered against {planned} planned to date, {}\n",
            s.delivered_to_date, s.verdict
        )),
        None => out.push_str(&format!(
            "- Schedule: {} delivered, {}\n",
            s.delivered_to_date, s.verdict
        )),
    }
    out.push_str(&format!("- Forecast: {}\n", md_escape(&r.forecast.verdict)));
    if !r.forecast.pace.is_empty() {
        out.push_str(&format!("- Pace: {}\n", md_escape(&r.forecast.pace)));
    }
    if let Some(b) = &r.flow.bottleneck {
        out.push_str(&format!(
            "- Bottleneck (Little's law): {} ({}), {}\n",
            md_escape(&b.name),
            md_escape(&b.stage),
            b.evidence
        ));
    } else if let Some(b) = &r.queue.bottleneck
        && let Some(q) = r.queue.stages.iter().find(|q| &q.stage == b)
    {
        out.push_str(&format!(
            "- Bottleneck: {} ({}), {} vehicles, median {:.1} days in the stage\n",
            md_escape(&q.name),
            md_escape(&q.stage),
            q.vehicles,
            q.median_days.unwrap_or(0.0),
        ));
    }
    if !r.queue.holds.is_empty() {
        let holds: Vec<String> = r
            .queue
            .holds
            .iter()
            .map(|h| format!("{}: {}", md_escape(&h.reason), h.vehicles))
            .collect();
        out.push_str(&format!("- On hold: {}\n", holds.join("; ")));
    }
    out.push_str(&format!(
        "- Problems: {}, {}\n\n",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    ));
}

/// A sentence under a section's heading, where the table needs one.
fn section_intro(r: &Report, s: Section) -> String {
    match s {
        Section::Forecast => {
            let months = r.forecast.window_months;
            format!(
                "Rates over {} to {}, each hand-over spread over the days \
                 since the previous one (the first over the month before it); a window \
                 starts at the first hand-over when that is later. {}.",
                last_months(months),
                r.today,
                md_escape(&capitalize(&r.forecast.verdict))
            )
        }
        Section::Years => "Planned to date counts whole vehicles: each variant's plan for a \
             year is spread evenly over its days, and of n planned the k-th is due once k/n of \
             the year has passed."
            .to_owned(),
        Section::Outlook => {
            "Each remaining year at the current rates: what was delivered so far and what the \
             rate adds by the end of the year, against the year's plan (difference), and where \
             that leaves the programme against its whole plan by the year's end (against plan)."
                .to_owned()
        }
        Section::Holds => "The vehicles on hold, grouped by reason (the same text, whatever \
             its spacing and case), most vehicles first; days are their days in their current \
             stage, counted to today."
            .to_owned(),
        Section::Balance => md_escape(&super::balance::summary(&r.balance)),
        Section::Changes => {
            let (head, untold) = super::changes::intro(&r.changes);
            let list: Vec<String> = untold
                .iter()
                .map(|u| format!("- {}", md_escape(u)))
                .collect();
            format!("{}\n\n{}", md_escape(head.as_str()), list.join("\n"))
        }
        Section::Trend => md_escape(&super::trend::intro(&r.trend)),
        Section::Attributes => "Each variant's free attributes, in file order, exactly as \
             written; a value left empty is an empty cell."
            .to_owned(),
        Section::Queue if r.flow.bottleneck.is_some() => "Days in stage are counted to \
             today. The bottleneck is named by Little's law from the stage histories (see Flow)."
            .to_owned(),
        Section::Queue => "Days in stage are counted to today. The bottleneck is the \
             main-line stage with the longest median wait; rework is left out."
            .to_owned(),
        Section::Flow => md_escape(&super::flow::intro(&r.flow)),
        _ => String::new(),
    }
}

fn markdown_table(t: &Table, out: &mut String) {
    let titles: Vec<String> = t.columns.iter().map(|c| md_escape(&c.title)).collect();
    out.push_str(&format!("| {} |\n", titles.join(" | ")));
    let rule: Vec<&str> = t
        .columns
        .iter()
        .map(|c| if c.numeric { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for (i, row) in t.rows.iter().enumerate() {
        let bold = t.totals.contains(&i);
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                let text = match c {
                    Cell::Text(s) => md_escape(s),
                    Cell::Bool(true) => "yes".to_owned(),
                    Cell::Bool(false) => String::new(),
                    Cell::Signed(n) if *n > 0 => format!("+{n}"),
                    other => other.plain(),
                };
                if bold && !text.is_empty() {
                    format!("**{text}**")
                } else {
                    text
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
}

/// Text from a file made inert in Markdown: characters that would start emphasis, code,
/// links, HTML or a new cell are escaped.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '|' | '*' | '`' | '<' | '>' | '[' | ']' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_inert() {
        assert_eq!(md_escape("a|b"), "a\\|b");
        assert_eq!(
            md_escape("*bold* `code` <b> [x](y) #1"),
            "\\*bold\\* \\`code\\` \\<b\\> \\[x\\](y) \\#1"
        );
        assert_eq!(md_escape("grf_tt"), "grf_tt");
    }
}
