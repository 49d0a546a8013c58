//! The words and numbers views show: cutting and padding to terminal columns, spans of
//! days, and the domain's words (thousands, counts, months) taken from the domain, where
//! the reports take them too. A verdict against the plan goes through the figures'
//! completeness (see `ui::widgets::verdict_words`).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

// Written once, in the domain: the views take the same words as the reports.
pub use crate::domain::dates::month_name;
pub use crate::domain::words::{capitalize as capitalised, last_months, plural, thousands};

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

/// `1 day`, `12 days` (a negative count keeps its sign).
pub fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
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
    fn days_keep_their_sign() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(-3), "-3 days");
    }
}
