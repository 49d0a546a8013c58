//! Numbers and counts in words, shared by every view, the reports and the domain's own
//! sentences, so that one figure is worded one way everywhere.
//!
//! Plain text only: no styles, no widths.

/// A number with a thin space grouping its thousands: `12 345`, `1 000 000`, `999`.
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

/// A count and its noun, singular for exactly one: `1 error`, `0 errors`, `1 234 vehicles`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

/// `and 130 more that follow from it`: the problems grouped under a cause (see
/// `status::causes`), in words.
pub fn follow_words(n: usize) -> String {
    if n == 1 {
        "and 1 more that follows from it".to_owned()
    } else {
        format!("and {n} more that follow from it")
    }
}

/// One to ten in words, larger numbers in digits: `one`, `ten`, `11`, `-2`.
pub fn number_word(n: i64) -> String {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    usize::try_from(n - 1)
        .ok()
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// A count of years in words: `one year`, `two years`, `12 years`.
pub fn years_in_words(n: i64) -> String {
    let unit = if n == 1 { "year" } else { "years" };
    format!("{} {unit}", number_word(n))
}

/// A count of months in digits: `1 month`, `12 months`, `11 968 months`.
pub fn months(n: i64) -> String {
    let digits = thousands(n.unsigned_abs());
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{digits} {}", if n == 1 { "month" } else { "months" })
}

/// A rate per month to one decimal: `5.1 a month`, `0.0 a month`.
pub fn per_month(rate: f64) -> String {
    format!("{rate:.1} a month")
}

/// The window a rate is measured over: `the last month`, `the last 6 months`.
pub fn last_months(n: u32) -> String {
    if n == 1 {
        "the last month".to_owned()
    } else {
        format!("the last {n} months")
    }
}

/// The text with its first letter in capitals: `on plan` → `On plan`.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Where a count stands against the plan: `on plan`, `3 ahead of plan`, `12 behind plan`.
pub fn lead(lead: i64) -> String {
    match lead {
        0 => "on plan".to_owned(),
        n if n > 0 => format!("{} ahead of plan", thousands(n.unsigned_abs())),
        n => format!("{} behind plan", thousands(n.unsigned_abs())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_by_three_from_the_right() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1 000");
        assert_eq!(thousands(12_345), "12 345");
        assert_eq!(thousands(1_000_000), "1 000 000");
        assert_eq!(thousands(u64::MAX), "18 446 744 073 709 551 615");
    }

    #[test]
    fn plural_is_singular_for_one_only() {
        assert_eq!(plural(0, "error", "errors"), "0 errors");
        assert_eq!(plural(1, "error", "errors"), "1 error");
        assert_eq!(plural(2, "vehicle", "vehicles"), "2 vehicles");
        assert_eq!(plural(1234, "vehicle", "vehicles"), "1 234 vehicles");
    }

    #[test]
    fn numbers_up_to_ten_in_words() {
        assert_eq!(number_word(1), "one");
        assert_eq!(number_word(10), "ten");
        assert_eq!(number_word(11), "11");
        assert_eq!(number_word(0), "0");
        assert_eq!(number_word(-2), "-2");
        assert_eq!(years_in_words(1), "one year");
        assert_eq!(years_in_words(2), "two years");
        assert_eq!(years_in_words(12), "12 years");
        assert_eq!(months(1), "1 month");
        assert_eq!(months(0), "0 months");
        assert_eq!(months(13), "13 months");
        assert_eq!(months(11_968), "11 968 months");
        assert_eq!(months(-2), "-2 months");
    }

    #[test]
    fn windows_leads_and_capitals() {
        assert_eq!(per_month(5.128), "5.1 a month");
        assert_eq!(per_month(6.389), "6.4 a month");
        assert_eq!(last_months(1), "the last month");
        assert_eq!(last_months(6), "the last 6 months");
        assert_eq!(lead(0), "on plan");
        assert_eq!(lead(3), "3 ahead of plan");
        assert_eq!(lead(-1200), "1 200 behind plan");
        assert_eq!(capitalize("on plan"), "On plan");
        assert_eq!(capitalize("élan"), "Élan");
        assert_eq!(capitalize(""), "");
    }
}
