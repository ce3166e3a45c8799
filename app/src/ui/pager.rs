//! Numbered pagers that stay short: a sheet of 10,000 participants has 100 pages, and a phone
//! should not have to lay out 100 links.

/// The page numbers a pager shows on page `current` of `pages`: the first and the last, and two
/// either side of the current one; `None` stands for pages left out between them.
pub fn pager_window(current: u64, pages: u64) -> Vec<Option<u64>> {
    let mut shown = Vec::new();
    let mut last = 0;
    for page in 1..=pages {
        if page == 1 || page == pages || page.abs_diff(current) <= 2 {
            if page > last + 1 {
                shown.push(None);
            }
            shown.push(Some(page));
            last = page;
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::pager_window;

    #[test]
    fn short_pagers_show_every_page_and_long_ones_the_ends_and_the_neighbourhood() {
        assert_eq!(pager_window(1, 1), vec![Some(1)]);
        assert_eq!(pager_window(2, 4), (1..=4).map(Some).collect::<Vec<_>>());
        assert_eq!(
            pager_window(50, 100),
            vec![Some(1), None, Some(48), Some(49), Some(50), Some(51), Some(52), None, Some(100)]
        );
        assert_eq!(pager_window(1, 100), vec![Some(1), Some(2), Some(3), None, Some(100)]);
        assert_eq!(pager_window(100, 100), vec![Some(1), None, Some(98), Some(99), Some(100)]);
        // No gap of a single page: page 4 is shown rather than an ellipsis standing for it.
        assert_eq!(pager_window(6, 10)[..6], [Some(1), None, Some(4), Some(5), Some(6), Some(7)]);
        assert_eq!(pager_window(4, 10)[..3], [Some(1), Some(2), Some(3)]);
    }
}
