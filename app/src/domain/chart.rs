//! The geometry of the dashboards' charts, drawn as SVG on the server (no chart library in the
//! browser): horizontal bars on one scale, with an optional target line (20 JP), in a fixed
//! coordinate box that the SVG `viewBox` scales to any screen. Pure, so the pixels are tested.

/// The drawing box: the SVG's `viewBox` is `0 0 WIDTH height()`.
pub const WIDTH: f64 = 640.0;
/// The column left of the bars for their labels.
pub const LABEL_WIDTH: f64 = 220.0;
/// The column right of the bars for their values.
pub const VALUE_WIDTH: f64 = 60.0;
pub const BAR_HEIGHT: f64 = 22.0;
pub const BAR_GAP: f64 = 10.0;

/// One bar as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// Top edge.
    pub y: f64,
    /// Length from `LABEL_WIDTH`, never negative.
    pub length: f64,
}

/// Bars on one scale, and where the target line falls (if any).
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub bars: Vec<Bar>,
    /// The x of the target line.
    pub target_x: Option<f64>,
    /// The value the full length stands for.
    pub scale_max: f64,
}

impl Bars {
    /// Lays out `values` (label, value) top to bottom; the scale runs to the largest value, the
    /// target or `full` (what a whole bar stands for: 100 for percentages), whichever is
    /// highest (negative values are drawn as zero).
    pub fn layout(values: &[(String, f64)], target: Option<f64>, full: Option<f64>) -> Self {
        let largest = values.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
        let scale_max = largest.max(target.unwrap_or(0.0)).max(full.unwrap_or(0.0));
        let span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        let x = |value: f64| {
            if scale_max > 0.0 { value.max(0.0) / scale_max * span } else { 0.0 }
        };
        let bars = values
            .iter()
            .zip(0_u32..)
            .map(|((label, value), i)| Bar {
                label: label.clone(),
                value: *value,
                y: f64::from(i) * (BAR_HEIGHT + BAR_GAP),
                length: x(*value),
            })
            .collect();
        Self { bars, target_x: target.map(|t| LABEL_WIDTH + x(t)), scale_max }
    }

    /// The height of the drawing box.
    pub fn height(&self) -> f64 {
        let rows = u32::try_from(self.bars.len()).unwrap_or(u32::MAX);
        (f64::from(rows) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP).max(BAR_HEIGHT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: &[f64]) -> Vec<(String, f64)> {
        v.iter().enumerate().map(|(i, v)| (format!("baris {i}"), *v)).collect()
    }

    #[test]
    fn the_largest_value_fills_the_span_and_the_others_are_in_proportion() {
        let bars = Bars::layout(&values(&[10.0, 5.0, 0.0]), None, None);
        let span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        let lengths: Vec<f64> = bars.bars.iter().map(|b| b.length).collect();
        assert_eq!(lengths, [span, span / 2.0, 0.0]);
        assert_eq!(bars.bars[2].y, 2.0 * (BAR_HEIGHT + BAR_GAP));
        assert_eq!(bars.height(), 3.0 * BAR_HEIGHT + 2.0 * BAR_GAP);
    }

    #[test]
    fn a_target_above_every_value_sets_the_scale_and_its_line() {
        // 8 of 20 JP: the bar runs two fifths of the way, the line at the end.
        let bars = Bars::layout(&values(&[8.0]), Some(20.0), None);
        let span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        assert_eq!(bars.scale_max, 20.0);
        assert_eq!(bars.bars[0].length, span * 0.4);
        assert_eq!(bars.target_x, Some(LABEL_WIDTH + span));
    }

    #[test]
    fn percentages_are_drawn_against_a_whole_bar_of_100() {
        // 40 % and 20 %: the largest is not a full bar, 100 % would be.
        let bars = Bars::layout(&values(&[40.0, 20.0]), None, Some(100.0));
        let span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        assert_eq!(bars.scale_max, 100.0);
        assert_eq!(bars.bars[0].length, span * 0.4);
        assert_eq!(bars.bars[1].length, span * 0.2);
        assert_eq!(bars.target_x, None);
    }

    #[test]
    fn nothing_to_draw_draws_nothing_without_dividing_by_zero() {
        let bars = Bars::layout(&values(&[0.0, -3.0]), None, None);
        assert!(bars.bars.iter().all(|b| b.length == 0.0));
        assert_eq!(Bars::layout(&[], None, None).height(), BAR_HEIGHT);
    }
}
