//! The figures the benchmark commands print: percentiles of measured times and milliseconds.

use std::time::Duration;

/// The `p`th percentile of sorted `times` (nearest rank); zero when nothing was measured.
pub fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// A duration as milliseconds with two decimals, the unit of docs/BENCHMARKS.md.
pub fn ms(duration: Duration) -> String {
    format!("{:.2}ms", duration.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(ms: &[u64]) -> Vec<Duration> {
        ms.iter().map(|&m| Duration::from_millis(m)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let sorted = times(&(1..=100).collect::<Vec<_>>());
        assert_eq!(percentile(&sorted, 50), Duration::from_millis(50));
        assert_eq!(percentile(&sorted, 99), Duration::from_millis(99));
        assert_eq!(percentile(&sorted, 100), Duration::from_millis(100));
        assert_eq!(percentile(&times(&[7]), 99), Duration::from_millis(7));
        assert_eq!(percentile(&[], 95), Duration::ZERO);
    }

    #[test]
    fn milliseconds_with_two_decimals() {
        assert_eq!(ms(Duration::from_micros(61_730)), "61.73ms");
    }
}
