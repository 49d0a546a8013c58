//! The text of the detail panel of one variant: its attributes, counts, plan, vehicles in
//! the queue and deliveries. The text is built when the panel opens (and on reload), not at
//! every frame; it is kept as plain text with a tone per span, and the theme styles it when
//! drawn.

use unicode_width::UnicodeWidthStr;

use crate::app::Data;
use crate::app::words::thousands;
use crate::domain::VariantId;

/// What a span means, for the theme to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain text.
    Plain,
    /// A name or a figure to see first.
    Accent,
    /// Labels and separators.
    Muted,
    /// A table header.
    Header,
    /// On plan, delivered.
    Ok,
    /// Behind plan, on hold.
    Warning,
    /// Overdue, wrong.
    Error,
}

/// The panel's lines, each a run of spans with their tone.
pub type Text = Vec<Vec<(Tone, String)>>;

/// Serials listed on one line of a delivery.
const SERIALS_PER_LINE: usize = 4;

/// The text of the detail of variant `id` in `data`.
pub fn build(data: &Data, id: VariantId) -> Text {
    let p = data.programme();
    let today = data.today();
    let variant = p.variant(id);
    let c = &data.figures.variants[id.0 as usize];
    let family = p.family(variant.family);
    let mut out: Text = Vec::new();
    let mut push = |line: Vec<(Tone, String)>| out.push(line);
    let s = |tone: Tone, text: &str| (tone, text.to_owned());

    push(vec![
        s(Tone::Accent, &variant.name),
        s(Tone::Muted, " · id "),
        s(Tone::Plain, &variant.id),
        s(Tone::Muted, " · family "),
        s(Tone::Plain, &family.name),
    ]);
    let key_width = variant
        .attributes
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0);
    for (k, v) in &variant.attributes {
        push(vec![
            (Tone::Muted, format!("  {k:<key_width$}  ")),
            s(Tone::Plain, v),
        ]);
    }

    push(Vec::new());
    push(vec![s(Tone::Header, "Counts")]);
    let figures =
        [c.contracted, c.delivered, c.in_assembly(), c.not_started()].map(|n| thousands(n.into()));
    let w = figures.iter().map(|f| f.width()).max().unwrap_or(1);
    push(vec![(
        Tone::Plain,
        format!("  Contracted   {:>w$}", figures[0]),
    )]);
    push(vec![
        (Tone::Plain, format!("  Delivered    {:>w$}", figures[1])),
        (
            Tone::Muted,
            format!("   {:.1} % of the contract", c.percent_delivered()),
        ),
    ]);
    let mut assembly = vec![(Tone::Plain, format!("  In assembly  {:>w$}", figures[2]))];
    if c.on_hold > 0 {
        assembly.push((Tone::Warning, format!("   {} on hold", c.on_hold)));
    }
    if c.overdue > 0 {
        let sep = if c.on_hold > 0 { " ·" } else { "  " };
        assembly.push((Tone::Error, format!("{sep} {} overdue", c.overdue)));
    }
    push(assembly);
    push(vec![(
        Tone::Plain,
        format!("  Not started  {:>w$}", figures[3]),
    )]);

    push(Vec::new());
    let mut vehicles: Vec<_> = p.queue.iter().filter(|v| v.variant == id).collect();
    vehicles.sort_by(|a, b| a.stage.cmp(&b.stage).then_with(|| a.serial.cmp(&b.serial)));
    push(vec![(
        Tone::Header,
        format!("In the queue: {} vehicles", vehicles.len()),
    )]);
    if vehicles.is_empty() {
        push(vec![s(Tone::Muted, "  none")]);
    } else {
        let serial_width = vehicles
            .iter()
            .map(|v| v.serial.width())
            .max()
            .unwrap_or(6)
            .max(6);
        let stage_width = vehicles
            .iter()
            .map(|v| p.stage(v.stage).name.width())
            .max()
            .unwrap_or(5)
            .max(5);
        push(vec![(
            Tone::Muted,
            format!(
                "  {:<serial_width$}  {:<stage_width$}  Days  Due",
                "Serial", "Stage"
            ),
        )]);
        for v in vehicles {
            let mut line = vec![(
                Tone::Plain,
                format!(
                    "  {:<serial_width$}  {:<stage_width$}  {:>4}",
                    v.serial,
                    p.stage(v.stage).name,
                    v.days_in_stage(today)
                ),
            )];
            if let Some(due) = v.due {
                line.push((Tone::Plain, format!("  {due}")));
            }
            if let Some(late) = v.days_overdue(today) {
                line.push((Tone::Error, format!("  {late} days late")));
            }
            push(line);
            if let Some(hold) = &v.hold {
                push(vec![(
                    Tone::Warning,
                    format!("  {:serial_width$}  on hold: {hold}", ""),
                )]);
            }
        }
    }

    push(Vec::new());
    let mut deliveries: Vec<_> = p.deliveries.iter().filter(|d| d.variant == id).collect();
    deliveries.sort_by_key(|d| d.date);
    let later = deliveries.iter().filter(|d| d.date > today).count();
    deliveries.retain(|d| d.date <= today);
    let vehicles: u32 = deliveries.iter().map(|d| d.quantity).sum();
    push(vec![(
        Tone::Header,
        format!(
            "Deliveries: {} hand-overs, {} vehicles",
            deliveries.len(),
            thousands(vehicles.into())
        ),
    )]);
    if deliveries.is_empty() {
        push(vec![s(Tone::Muted, "  none yet")]);
    } else {
        push(vec![s(Tone::Muted, "  Date        Count  Serials")]);
        for d in deliveries {
            let prefix = format!("  {}  {:>5}  ", d.date, d.quantity);
            if d.serials.is_empty() {
                push(vec![(Tone::Plain, prefix), s(Tone::Muted, "(count only)")]);
                continue;
            }
            for (i, chunk) in d.serials.chunks(SERIALS_PER_LINE).enumerate() {
                let lead = if i == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(prefix.width())
                };
                push(vec![(Tone::Plain, format!("{lead}{}", chunk.join(", ")))]);
            }
        }
    }
    if later > 0 {
        push(vec![(
            Tone::Warning,
            format!("  {later} hand-overs dated after today are not counted"),
        )]);
    }
    let years: Vec<_> = data
        .figures
        .years
        .iter()
        .filter_map(|y| {
            let (planned, delivered) = y.by_variant.get(id.0 as usize).copied()?;
            (planned > 0 || delivered > 0).then_some((y.year, planned, delivered))
        })
        .collect();
    if !years.is_empty() {
        push(Vec::new());
        push(vec![s(Tone::Header, "Plan by year")]);
        use chrono::Datelike;
        for (year, planned, delivered) in years {
            let mut line = vec![(Tone::Plain, format!("  {year}  planned {planned:>3}"))];
            let target = if year == today.year() {
                // The domain's whole vehicles, as on the Deliveries view.
                let to_date = data
                    .figures
                    .current_year()
                    .and_then(|y| y.planned_to_date_by_variant.get(id.0 as usize))
                    .copied()
                    .unwrap_or(0);
                line.push((Tone::Muted, format!(" ({to_date} to date)")));
                Some(to_date)
            } else if year < today.year() {
                Some(planned)
            } else {
                None
            };
            if let Some(target) = target {
                let tone = if delivered >= target {
                    Tone::Ok
                } else {
                    Tone::Warning
                };
                line.push((tone, format!("  delivered {delivered}")));
            }
            push(line);
        }
    }

    out
}
