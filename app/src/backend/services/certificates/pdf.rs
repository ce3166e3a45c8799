//! The certificate as an A4 landscape PDF in Indonesian: text set in the PDF base fonts
//! (Helvetica, so nothing is embedded and the file stays a few kilobytes), centred by the
//! fonts' published widths, and the QR code drawn as vector squares so it prints sharp.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::{Document, qr};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::ui::labels::long_date;

const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;
/// The widest a centred line may run.
const MEASURE: f32 = 700.0;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");
/// Sinergi's teal, for the frame and the title.
const TEAL: (f32, f32, f32) = (0.05, 0.36, 0.40);

/// The certificate as PDF bytes.
pub fn render(document: &Document) -> Result<Vec<u8>, AppError> {
    let cert = &document.certificate;
    let mut page = Page::new();
    page.frame();
    page.centred(
        REGULAR,
        9.0,
        540.0,
        "SINERGI \u{2014} KOLABORASI PERGURUAN TINGGI DAN PERANGKAT DAERAH PROVINSI LAMPUNG",
    );
    page.colour(TEAL);
    page.centred(BOLD, 34.0, 492.0, "SERTIFIKAT");
    page.colour((0.0, 0.0, 0.0));
    page.centred(REGULAR, 11.0, 470.0, &format!("Nomor: {}", document.number));
    page.centred(REGULAR, 12.0, 436.0, "diberikan kepada");
    page.centred_fitting(BOLD, 24.0, 406.0, &cert.holder_name);
    if let Some(nip) = &cert.holder_nip {
        page.centred(REGULAR, 11.0, 388.0, &format!("NIP {nip}"));
    }
    page.centred(REGULAR, 12.0, 358.0, "yang telah menyelesaikan pelatihan");
    let mut y = 332.0;
    for line in wrap(BOLD, 18.0, &cert.course_title, MEASURE).into_iter().take(2) {
        page.centred(BOLD, 18.0, y, &line);
        y -= 22.0;
    }
    page.centred(REGULAR, 12.0, y - 4.0, &format!("diselenggarakan oleh {}", cert.university_name));
    let dates = match (cert.first_day, cert.last_day) {
        (Some(first), Some(last)) if first != last => {
            format!("pada {} sampai {}", long_date(Locale::id, first), long_date(Locale::id, last))
        }
        (Some(day), _) => format!("pada {}", long_date(Locale::id, day)),
        _ => String::new(),
    };
    let jp = format!("dengan bobot {} jam pelajaran (JP).", cert.jp);
    page.centred(REGULAR, 12.0, y - 22.0, [dates, jp].join(" ").trim());
    if !document.competencies.is_empty() {
        let named: Vec<String> =
            document.competencies.iter().map(|c| format!("{} {}", c.code, c.name_id)).collect();
        let text = format!("Kompetensi: {}", named.join("; "));
        let mut y = y - 48.0;
        for line in wrap(REGULAR, 10.0, &text, MEASURE).into_iter().take(2) {
            page.centred(REGULAR, 10.0, y, &line);
            y -= 13.0;
        }
    }
    page.qr(&document.url, 60.0, 56.0, 104.0)?;
    page.left(REGULAR, 9.0, 176.0, 136.0, "Keaslian sertifikat ini dapat diperiksa dengan");
    page.left(REGULAR, 9.0, 176.0, 124.0, "memindai kode QR atau membuka:");
    page.left(REGULAR, 9.0, 176.0, 110.0, &document.url);
    page.left(
        BOLD,
        9.0,
        176.0,
        96.0,
        &format!("Kode verifikasi: {}", crate::model::grouped_code(&cert.code)),
    );
    let issued = cert.issued_at.with_timezone(&crate::domain::calendar::WIB).date_naive();
    page.right(
        REGULAR,
        11.0,
        782.0,
        122.0,
        &format!("Bandar Lampung, {}", long_date(Locale::id, issued)),
    );
    page.right(BOLD, 11.0, 782.0, 104.0, &cert.university_name);
    Ok(page.finish(&document.number))
}

/// One page being drawn.
struct Page {
    content: Content,
}

impl Page {
    fn new() -> Self {
        Self { content: Content::new() }
    }

    fn frame(&mut self) {
        let (r, g, b) = TEAL;
        self.content.set_stroke_rgb(r, g, b);
        self.content.set_line_width(3.0);
        self.content.rect(20.0, 20.0, WIDTH - 40.0, HEIGHT - 40.0);
        self.content.stroke();
        self.content.set_line_width(0.8);
        self.content.rect(28.0, 28.0, WIDTH - 56.0, HEIGHT - 56.0);
        self.content.stroke();
    }

    fn colour(&mut self, (r, g, b): (f32, f32, f32)) {
        self.content.set_fill_rgb(r, g, b);
    }

    fn text(&mut self, font: Name<'static>, size: f32, x: f32, y: f32, text: &str) {
        self.content.begin_text();
        self.content.set_font(font, size);
        self.content.next_line(x, y);
        self.content.show(Str(&win_ansi(text)));
        self.content.end_text();
    }

    fn left(&mut self, font: Name<'static>, size: f32, x: f32, y: f32, text: &str) {
        self.text(font, size, x, y, text);
    }

    fn right(&mut self, font: Name<'static>, size: f32, x: f32, y: f32, text: &str) {
        self.text(font, size, x - width(font, size, text), y, text);
    }

    fn centred(&mut self, font: Name<'static>, size: f32, y: f32, text: &str) {
        self.text(font, size, (WIDTH - width(font, size, text)) / 2.0, y, text);
    }

    /// Centred, in a smaller size when the line would run past the measure (long names).
    fn centred_fitting(&mut self, font: Name<'static>, size: f32, y: f32, text: &str) {
        let natural = width(font, size, text);
        let size = if natural > MEASURE { size * MEASURE / natural } else { size };
        self.centred(font, size, y, text);
    }

    /// The QR code of `url`, `side` points wide with its quiet zone, its corner at (`x`, `y`).
    fn qr(&mut self, url: &str, x: f32, y: f32, side: f32) -> Result<(), AppError> {
        let (modules, dark) = qr::modules(url)?;
        let cell = side / (modules + 2 * qr::QUIET_ZONE) as f32;
        let origin = (x + cell * qr::QUIET_ZONE as f32, y + side - cell * qr::QUIET_ZONE as f32);
        self.content.set_fill_rgb(0.0, 0.0, 0.0);
        for (index, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
            let (column, row) = ((index % modules) as f32, (index / modules) as f32);
            // Rows run down the page; PDF's y runs up.
            self.content.rect(origin.0 + column * cell, origin.1 - (row + 1.0) * cell, cell, cell);
        }
        self.content.fill_nonzero();
        Ok(())
    }

    fn finish(self, title: &str) -> Vec<u8> {
        let (catalog, tree, page, regular, bold, contents, info) = (
            Ref::new(1),
            Ref::new(2),
            Ref::new(3),
            Ref::new(4),
            Ref::new(5),
            Ref::new(6),
            Ref::new(7),
        );
        let mut pdf = Pdf::new();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids([page]).count(1);
        let mut writer = pdf.page(page);
        writer.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
        writer.parent(tree);
        writer.contents(contents);
        writer.resources().fonts().pair(REGULAR, regular).pair(BOLD, bold);
        writer.finish();
        for (id, name) in [(regular, &b"Helvetica"[..]), (bold, &b"Helvetica-Bold"[..])] {
            pdf.type1_font(id).base_font(Name(name)).encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        pdf.stream(contents, &self.content.finish());
        pdf.document_info(info)
            .title(TextStr(&format!("Sertifikat {title}")))
            .creator(TextStr("Sinergi"));
        pdf.finish()
    }
}

/// Text in the fonts' WinAnsi encoding: Latin-1 as is, the common typographic marks at their
/// places, anything else as `?` (names and titles here are Latin script).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{2026}' => 0x85,
            _ => b'?',
        })
        .collect()
}

/// How wide `text` is set in `font` at `size` points.
fn width(font: Name<'static>, size: f32, text: &str) -> f32 {
    let table = if font == BOLD { &HELVETICA_BOLD } else { &HELVETICA };
    let units: u32 = win_ansi(text)
        .into_iter()
        .map(|b| match b {
            32..=126 => u32::from(table[usize::from(b - 32)]),
            // Accented letters and marks: about a lower-case letter.
            _ => 556,
        })
        .sum();
    units as f32 * size / 1000.0
}

/// `text` broken at spaces into lines no wider than `measure`.
fn wrap(font: Name<'static>, size: f32, text: &str, measure: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if width(font, size, &candidate) > measure && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Advance widths of Helvetica for the characters 32 to 126, in thousandths of the size (the
/// font's published metrics).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// The same for Helvetica-Bold.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_in_win_ansi() {
        assert_eq!(win_ansi("Rp 1.000 – “Café”"), b"Rp 1.000 \x96 \x93Caf\xe9\x94".to_vec());
        assert_eq!(win_ansi("漢"), b"?".to_vec());
    }

    #[test]
    fn widths_follow_the_font_metrics() {
        // "Hi" in Helvetica: 722 + 222 thousandths.
        assert!((width(REGULAR, 10.0, "Hi") - 9.44).abs() < 1e-4);
        assert!(width(BOLD, 10.0, "Hi") > width(REGULAR, 10.0, "Hi"));
    }

    #[test]
    fn long_text_wraps_within_the_measure_and_keeps_every_word() {
        let title = "Pelatihan Kepemimpinan Pengawas Angkatan Ketiga Pemerintah Provinsi Lampung \
            Tahun Anggaran Dua Ribu Dua Puluh Enam dengan Praktik Lapangan";
        let lines = wrap(BOLD, 18.0, title, MEASURE);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(BOLD, 18.0, l) <= MEASURE), "{lines:?}");
        assert_eq!(lines.join(" "), title.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}
