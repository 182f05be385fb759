//! Latvian number formatting for messages the server writes itself: decimal comma and
//! singular after numbers ending in 1 (but not 11) — "21 teikums", "11 teikumi".

/// A number with one decimal and a decimal comma: `52,3`.
pub fn decimal(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// `n` followed by the singular or plural form, as Latvian agreement asks.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    let word = if n % 10 == 1 && n % 100 != 11 {
        singular
    } else {
        plural
    };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_and_decimal_comma() {
        assert_eq!(count(1, "teikums", "teikumi"), "1 teikums");
        assert_eq!(count(21, "teikums", "teikumi"), "21 teikums");
        assert_eq!(count(11, "teikums", "teikumi"), "11 teikumi");
        assert_eq!(count(0, "teikums", "teikumi"), "0 teikumi");
        assert_eq!(
            count(4, "grūts teikums", "grūti teikumi"),
            "4 grūti teikumi"
        );
        assert_eq!(decimal(52.34), "52,3");
    }
}
