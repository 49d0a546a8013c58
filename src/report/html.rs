//! The report as one self-contained HTML page, a briefing pack: the headline and its
//! completeness, the charts (delivered of contracted per family, plan against actual per
//! year, the cumulative deliveries with the plan and the forecast) and every section's table.
//!
//! Everything on it is drawn from the [`Report`] the JSON is, never recomputed: the
//! headline's figures carry a `data-field` naming their JSON field, the tables' cells a
//! `data-key` naming their column, so that a test can hold each one against the JSON. The
//! page loads nothing: its CSS and the charts' SVG are inline, it has no script, and the
//! fonts are the reader's own. Every text from a status file is HTML-escaped.

mod charts;
mod flow;
mod rates;
mod style;
mod trend;

use super::tables::{self, Cell, Table};
use super::{Report, Section};
use crate::domain::words::plural;

/// The report as an HTML page: every section, or only `only`.
pub(super) fn write(r: &Report, only: Option<Section>) -> String {
    let name = r.programme.as_ref().map_or("(no programme)", |p| &p.name);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    out.push_str(&format!(
        "<title>{}: figures for {}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        escape(name),
        escape(&r.today),
        style::CSS
    ));
    head(r, name, only.is_none(), &mut out);
    let sections: Vec<Section> = only.map_or_else(|| Section::ALL.to_vec(), |s| vec![s]);
    for s in sections {
        section(r, s, only.is_some(), &mut out);
    }
    sources(r, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// The title, the day of the figures and, for the whole report, the headline.
fn head(r: &Report, name: &str, headline: bool, out: &mut String) {
    out.push_str(&format!(
        "<header class=\"block\">\n<h1>{}</h1>\n<p class=\"day\">Figures for \
         <time data-field=\"today\">{}</time></p>\n",
        escape(name),
        escape(&r.today)
    ));
    if let Some(p) = &r.programme {
        let mut facts = Vec::new();
        if let Some(c) = &p.customer {
            facts.push(format!("for {}", escape(c)));
        }
        if let Some(prime) = &p.prime {
            facts.push(format!("prime {}", escape(prime)));
        }
        if let Some(fa) = &p.final_assembler {
            facts.push(format!("final assembly {}", escape(fa)));
        }
        facts.push(format!("deliveries {}–{}", p.first_year, p.last_year));
        out.push_str(&format!("<p class=\"facts\">{}</p>\n", facts.join(" · ")));
    }
    if !headline {
        // A section alone starts with the completeness when something is missing.
        if !r.completeness.complete {
            figures(r, out);
        }
        out.push_str("</header>\n");
        return;
    }
    figures(r, out);
    out.push_str("<dl class=\"headline\">\n");
    let t = &r.total;
    let s = &r.schedule;
    out.push_str(&format!(
        "<dt>Delivered</dt><dd>{} of {} ({}%), {} in assembly, {} not started</dd>\n",
        field("total.delivered", t.delivered),
        field("total.contracted", t.contracted),
        field(
            "total.percent_delivered",
            format!("{:.1}", t.percent_delivered)
        ),
        field("total.in_assembly", t.in_assembly),
        field("total.not_started", t.not_started),
    ));
    match s.planned_to_date {
        Some(planned) => out.push_str(&format!(
            "<dt>Schedule</dt><dd>{} delivered against {} planned to date: {}</dd>\n",
            field("schedule.delivered_to_date", s.delivered_to_date),
            field("schedule.planned_to_date", planned),
            field("schedule.verdict", escape(&s.verdict)),
        )),
        None => out.push_str(&format!(
            "<dt>Schedule</dt><dd>{} delivered: {}</dd>\n",
            field("schedule.delivered_to_date", s.delivered_to_date),
            field("schedule.verdict", escape(&s.verdict)),
        )),
    }
    out.push_str(&format!(
        "<dt>Forecast</dt><dd>{}</dd>\n",
        field("forecast.verdict", escape(&r.forecast.verdict))
    ));
    if !r.forecast.pace.is_empty() {
        out.push_str(&format!(
            "<dt>Pace</dt><dd>{}</dd>\n",
            field("forecast.pace", escape(&r.forecast.pace))
        ));
    }
    if !r.queue.holds.is_empty() {
        let holds: Vec<String> = r
            .queue
            .holds
            .iter()
            .map(|h| format!("{}: {}", escape(&h.reason), h.vehicles))
            .collect();
        out.push_str(&format!("<dt>On hold</dt><dd>{}</dd>\n", holds.join("; ")));
    }
    let errors = r.problems.iter().filter(|p| p.severity == "error").count();
    out.push_str(&format!(
        "<dt>Problems</dt><dd>{}, {}</dd>\n</dl>\n</header>\n",
        plural(errors, "error", "errors"),
        plural(r.problems.len() - errors, "warning", "warnings")
    ));
}

/// The completeness line: `Figures: complete`, or INCOMPLETE / NO DATA and what is missing.
fn figures(r: &Report, out: &mut String) {
    let c = &r.completeness;
    let (class, word) = match c.state {
        "complete" => ("ok", "complete"),
        "no_data" => ("bad", "NO DATA"),
        _ => ("bad", "INCOMPLETE"),
    };
    out.push_str(&format!(
        "<p class=\"figures {class}\">Figures: <strong data-field=\"completeness.state\" \
         data-value=\"{}\">{word}</strong>",
        escape(c.state)
    ));
    if !c.missing.is_empty() {
        out.push_str(&format!(": {}", escape(&c.missing.join("; "))));
    }
    out.push_str("</p>\n");
}

/// A figure tagged with the JSON field it shows.
fn field(path: &str, value: impl std::fmt::Display) -> String {
    format!("<span data-field=\"{path}\">{value}</span>")
}

/// One section: its chart, where it has one, and its table. The queue alone (`alone`) also
/// shows its holds grouped by cause, which the whole page has a section for.
fn section(r: &Report, s: Section, alone: bool, out: &mut String) {
    let title = s.title();
    let has_chart = matches!(
        s,
        Section::Families | Section::Years | Section::Forecast | Section::Trend | Section::Flow
    );
    out.push_str(&format!(
        "<section class=\"block{}\" id=\"{}\">\n<h2>{title}</h2>\n",
        if has_chart { " chart-block" } else { "" },
        s.name()
    ));
    match s {
        Section::Families => charts::families(r, out),
        Section::Years => charts::years(r, out),
        Section::Forecast => charts::cumulative(r, out),
        Section::Trend => trend::section(&r.trend, out),
        Section::Flow => flow::section(&r.flow, out),
        _ => {}
    }
    if let Some(note) = tables::no_plan_note(r, s) {
        out.push_str(&format!("<p data-key=\"no-plan\">{}</p>\n", escape(&note)));
    }
    if s == Section::Balance {
        out.push_str(&format!(
            "<p data-key=\"balance-summary\">{}</p>\n",
            escape(&super::balance::summary(&r.balance))
        ));
    }
    if s == Section::Completeness && r.completeness.complete {
        out.push_str("<p>Nothing is missing: the figures rest on every status file named.</p>\n");
    } else {
        let t = tables::table(r, s);
        if t.rows.is_empty() {
            out.push_str(match s {
                Section::Problems => "<p>No problems.</p>\n",
                Section::Holds => "<p>No vehicle is on hold.</p>\n",
                Section::Changes => "<p>No stage entered and no hand-over in these days.</p>\n",
                _ => "<p>Nothing to show.</p>\n",
            });
        } else {
            table(&t, s, out);
        }
    }
    if s == Section::Changes {
        let (head, untold) = super::changes::intro(&r.changes);
        out.push_str(&format!("<p>{}</p>\n<ul>\n", escape(&head)));
        for u in untold {
            out.push_str(&format!("<li>{}</li>\n", escape(u)));
        }
        out.push_str("</ul>\n");
    }
    if alone && s == Section::Queue && !r.queue.holds.is_empty() {
        out.push_str("<h3>Holds by cause</h3>\n");
        table(&tables::table(r, Section::Holds), Section::Holds, out);
    }
    out.push_str("</section>\n");
}

/// A table, each cell tagged with its column's key.
fn table(t: &Table, s: Section, out: &mut String) {
    out.push_str(&format!(
        "<div class=\"wide\"><table data-section=\"{}\">\n<thead><tr>",
        s.name()
    ));
    for c in &t.columns {
        let class = if c.numeric { " class=\"num\"" } else { "" };
        out.push_str(&format!("<th{class}>{}</th>", escape(&c.title)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, row) in t.rows.iter().enumerate() {
        let total = if t.totals.contains(&i) {
            " class=\"total\""
        } else {
            ""
        };
        out.push_str(&format!("<tr{total}>"));
        for (c, cell) in t.columns.iter().zip(row) {
            let text = match cell {
                Cell::Bool(true) => "yes".to_owned(),
                Cell::Bool(false) => String::new(),
                Cell::Signed(n) if *n > 0 => format!("+{n}"),
                other => other.plain(),
            };
            let class = if c.numeric { " class=\"num\"" } else { "" };
            out.push_str(&format!(
                "<td data-key=\"{}\"{class}>{}</td>",
                escape(&c.key),
                escape(&text)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

/// The files the figures came from.
fn sources(r: &Report, out: &mut String) {
    out.push_str("<footer class=\"block\">\n<h2>Sources</h2>\n");
    if r.files.is_empty() {
        out.push_str("<p>No status file was read.</p>\n");
    } else {
        out.push_str(&format!(
            "<p>Figures for {} from {}:</p>\n<ul class=\"files\">\n",
            escape(&r.today),
            plural(r.files.len(), "status file", "status files")
        ));
        for f in &r.files {
            out.push_str(&format!("<li data-field=\"files\">{}</li>\n", escape(f)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</footer>\n");
}

/// Text made inert in HTML, in element content and in quoted attributes.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_is_inert() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(escape("Griffon VBMR"), "Griffon VBMR");
    }
}
