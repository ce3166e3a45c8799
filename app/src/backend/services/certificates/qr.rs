//! The QR code of a certificate's verification page: its module matrix (drawn into the PDF) and
//! an SVG of it for the web page. Error correction M: a printed, folded copy still scans.

use qrcode::{Color, EcLevel, QrCode};

use crate::error::AppError;

/// The light modules kept around the code, as the QR specification asks.
pub const QUIET_ZONE: usize = 4;

/// The modules of the code for `url`, row by row (`true` = dark), and its width.
pub fn modules(url: &str) -> Result<(usize, Vec<bool>), AppError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| AppError::internal(format!("QR code of {url}: {e}")))?;
    Ok((code.width(), code.to_colors().into_iter().map(|c| c == Color::Dark).collect()))
}

/// The code for `url` as an SVG of one path, scaled by its `viewBox`, with the quiet zone. It
/// is hidden from screen readers: the page names it, in the reader's language.
pub fn svg(url: &str) -> Result<String, AppError> {
    let (width, dark) = modules(url)?;
    let side = width + 2 * QUIET_ZONE;
    let mut path = String::with_capacity(dark.len() * 4);
    for (index, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = (index % width + QUIET_ZONE, index / width + QUIET_ZONE);
        path.push_str(&format!("M{x} {y}h1v1h-1z"));
    }
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" aria-hidden="true" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_draws_every_dark_module_once_inside_the_quiet_zone() {
        let url = "https://sinergi.lampungprov.go.id/verifikasi/0123456789ABCDEFGHJK";
        let (width, dark) = modules(url).unwrap();
        assert_eq!(dark.len(), width * width);
        let drawn = svg(url).unwrap();
        assert_eq!(drawn.matches("h1v1h-1z").count(), dark.iter().filter(|d| **d).count());
        let side = width + 2 * QUIET_ZONE;
        assert!(drawn.contains(&format!(r#"viewBox="0 0 {side} {side}""#)));
        // The top-left finder pattern starts at the quiet zone's edge.
        assert!(dark[0] && drawn.contains(&format!("M{QUIET_ZONE} {QUIET_ZONE}h1v1h-1z")));
    }

    #[test]
    fn an_independent_decoder_reads_the_verification_address_back() {
        let url = "https://sinergi.lampungprov.go.id/verifikasi/TD5E5XHQX9G2CKNTHAD3";
        let (width, dark) = modules(url).unwrap();
        // Four pixels a module, with the quiet zone, as a scanner would see the print.
        let side = (width + 2 * QUIET_ZONE) * 4;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (column, row) = (x / 4, y / 4);
            let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&column)
                && (QUIET_ZONE..QUIET_ZONE + width).contains(&row);
            let is_dark = inside && dark[(row - QUIET_ZONE) * width + column - QUIET_ZONE];
            if is_dark { 0 } else { 255 }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, url);
    }
}
