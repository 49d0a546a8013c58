//! The words and numbers views show, written once: thousands grouped, counts with their
//! noun, the verdict against the plan, spans of days, months and years.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The English name of a month (1–12), `?` for any other number.
pub fn month_name(month: u32) -> &'static str {
    u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

/// `text` cut to `width` columns, with an ellipsis when cut; wide characters count twice.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` fitted to `width` columns and padded with spaces to exactly `width` columns.
/// Unlike `format!("{:<w$}")`, which counts characters, this counts terminal columns, so
/// CJK and emoji names keep the columns after them aligned.
pub fn pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let room = width.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(room))
}

/// A number with thin grouping for thousands (12 345).
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `1 error`, `3 errors`, `12 345 vehicles`: a count with its noun, singular for one.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

/// `1 day`, `12 days` (a negative count keeps its sign).
pub fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// `1 year`, `2 years`.
pub fn years(n: i32) -> String {
    if n == 1 {
        "1 year".to_owned()
    } else {
        format!("{n} years")
    }
}

/// `the last 6 months`, `the last month`.
pub fn last_months(n: u32) -> String {
    if n == 1 {
        "the last month".to_owned()
    } else {
        format!("the last {n} months")
    }
}

/// `on plan`, `3 ahead of plan`, `12 behind plan`.
pub fn verdict(lead: i64) -> String {
    match lead {
        0 => "on plan".to_owned(),
        n if n > 0 => format!("{} ahead of plan", thousands(n.unsigned_abs())),
        n => format!("{} behind plan", thousands(n.unsigned_abs())),
    }
}

/// `hull` → `Hull`.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("装甲车辆", 5), "装甲…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn pad_counts_columns() {
        assert_eq!(pad("装甲", 6), "装甲  ");
        assert_eq!(pad("abc", 5), "abc  ");
        assert_eq!(pad("abcdef", 4), "abc…");
    }

    #[test]
    fn thousands_groups() {
        assert_eq!(thousands(100_000), "100 000");
        assert_eq!(thousands(382), "382");
        assert_eq!(thousands(0), "0");
    }

    #[test]
    fn plurals_agree_with_their_count() {
        assert_eq!(plural(1, "error", "errors"), "1 error");
        assert_eq!(plural(0, "error", "errors"), "0 errors");
        assert_eq!(plural(12_345, "vehicle", "vehicles"), "12 345 vehicles");
        assert_eq!(days(1), "1 day");
        assert_eq!(days(-3), "-3 days");
        assert_eq!(years(2), "2 years");
        assert_eq!(last_months(1), "the last month");
    }

    #[test]
    fn verdicts() {
        assert_eq!(verdict(0), "on plan");
        assert_eq!(verdict(3), "3 ahead of plan");
        assert_eq!(verdict(-12), "12 behind plan");
        assert_eq!(verdict(-1_200), "1 200 behind plan");
    }

    #[test]
    fn months_by_number() {
        assert_eq!(month_name(1), "January");
        assert_eq!(month_name(12), "December");
        assert_eq!(month_name(0), "?");
        assert_eq!(month_name(13), "?");
    }

    #[test]
    fn capitals() {
        assert_eq!(capitalised("hull"), "Hull");
        assert_eq!(capitalised(""), "");
    }
}
