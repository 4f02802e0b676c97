//! Arithmetic on values read from rules and data that fails instead of panicking: rust_decimal's
//! operators panic when a result leaves its range (±7.9 × 10²⁸), which a measured value of −7.9e28,
//! a weight of 7.9e28 or a deduction of 7e28 points reached (issue 11, class 3). The engine uses
//! these where such values meet, and turns an [`Overflow`] into an [`Error`] naming the rule and the
//! agency.

use rust_decimal::Decimal;

use crate::error::{Error, Location};

/// A result outside the decimal range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl Overflow {
    /// The error for an overflow while scoring `agency` on the rule at `location` (`what` names it).
    pub fn error(self, location: Location, what: &str, agency: &str) -> Error {
        Error::at(location, crate::t!("run-score-overflow", what = what, agency = agency))
    }
}

pub type Checked = std::result::Result<Decimal, Overflow>;

pub fn add(a: Decimal, b: Decimal) -> Checked {
    a.checked_add(b).ok_or(Overflow)
}

pub fn sub(a: Decimal, b: Decimal) -> Checked {
    a.checked_sub(b).ok_or(Overflow)
}

pub fn mul(a: Decimal, b: Decimal) -> Checked {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a / b`; a zero divisor is an overflow too (callers exclude it where it can be meaningful).
pub fn div(a: Decimal, b: Decimal) -> Checked {
    a.checked_div(b).ok_or(Overflow)
}

pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Checked {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// Σ wᵢ·vᵢ.
pub fn weighted_sum(pairs: impl IntoIterator<Item = (Decimal, Decimal)>) -> Checked {
    pairs.into_iter().try_fold(Decimal::ZERO, |acc, (w, v)| add(acc, mul(w, v)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let big = Decimal::from_scientific("7.9e28").unwrap();
        assert_eq!(add(big, big), Err(Overflow));
        assert_eq!(sub(-big, big), Err(Overflow));
        assert_eq!(mul(big, Decimal::TWO), Err(Overflow));
        assert_eq!(div(Decimal::ONE, Decimal::ZERO), Err(Overflow));
        assert_eq!(sum([big, big]), Err(Overflow));
        assert_eq!(weighted_sum([(big, Decimal::TWO)]), Err(Overflow));
        assert_eq!(weighted_sum([(Decimal::TWO, Decimal::new(15, 1))]), Ok(Decimal::new(30, 1)));
    }
}
