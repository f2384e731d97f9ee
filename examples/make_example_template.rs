//! Writes the example template `input/mallar/redovisning-statsbidrag.xlsx`: a "Redovisning av
//! statsbidrag" as a region might send it — logo, merged title, instructions, a table per area with
//! a Kvar formula and sums, a table per insats with a drop-down and conditional colours for
//! Bedömning, a signature block, print set-up and sheet protection — with `{{…}}` placeholders
//! for styrdok to fill. Run: `cargo run --example make_example_template`.
//!
//! The file is made, never edited by hand, so it is the same every time.

use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Image, Workbook, XlsxError,
};

const OUT: &str = "input/mallar/redovisning-statsbidrag.xlsx";
const SHEET: &str = "Redovisning";

fn main() -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Redovisning av statsbidrag – mall")
            .set_author("Regionens kansli")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2025, 1, 15)?),
    );

    let blue = Color::RGB(0x1F4E79);
    let title = Format::new()
        .set_bold()
        .set_font_size(18)
        .set_font_color(blue)
        .set_align(FormatAlign::VerticalCenter);
    let subtitle = Format::new().set_font_size(12).set_font_color(blue);
    let label = Format::new().set_bold();
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Left);
    let note = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xF2F2F2))
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF));
    let heading = Format::new()
        .set_bold()
        .set_font_size(13)
        .set_font_color(blue);
    let header = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(blue)
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let wrap = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let money = Format::new()
        .set_num_format("#,##0 \"kr\"")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let sum_label = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xDDEBF7));
    let sum_money = Format::new()
        .set_bold()
        .set_num_format("#,##0 \"kr\"")
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xDDEBF7));
    let fill_in = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xFFF2CC))
        .set_unlocked();
    let signature = Format::new().set_border_top(FormatBorder::Thin);

    let sheet = workbook.add_worksheet().set_name(SHEET)?;
    for (col, width) in [
        (0, 12.0),
        (1, 44.0),
        (2, 24.0),
        (3, 15.0),
        (4, 15.0),
        (5, 15.0),
        (6, 15.0),
    ] {
        sheet.set_column_width(col, width)?;
    }

    // Logo and title block.
    sheet.set_row_height(0, 40)?;
    let logo = Image::new_from_buffer(&logo_png())?
        .set_alt_text("Regionens logotyp")
        .set_scale_width(0.36)
        .set_scale_height(0.36);
    sheet.insert_image_with_offset(0, 0, &logo, 4, 4)?;
    sheet.merge_range(0, 1, 0, 6, "Redovisning av statsbidrag", &title)?;
    sheet.merge_range(1, 1, 1, 6, "{{Titel}}", &subtitle)?;
    sheet.write_with_format(2, 1, "Organisation", &label)?;
    sheet.write(2, 2, "{{Organisation}}")?;
    sheet.write_with_format(2, 4, "Län", &label)?;
    sheet.write(2, 5, "{{Län}}")?;
    sheet.write_with_format(3, 1, "Diarienummer", &label)?;
    sheet.write(3, 2, "{{Diarienummer}}")?;
    sheet.write_with_format(3, 4, "Datum", &label)?;
    sheet.write_with_format(3, 5, "{{Datum}}", &date)?;

    // Instructions.
    sheet.set_row_height(5, 62)?;
    sheet.merge_range(
        5,
        0,
        5,
        6,
        "Anvisningar: Redovisa hur medlen för {{År}} har fördelats och använts per insatsområde och \
         per insats. Beloppen anges i kronor. Gula celler fylls i av mottagaren; Bedömning väljs i \
         listan (Grön, Gul eller Röd). Skicka den ifyllda redovisningen undertecknad till regionen \
         senast den 31 januari.",
        &note,
    )?;

    // 1. Per area: one row per area and sub-area, Kvar as a formula, sums below.
    sheet.write_with_format(7, 0, "1. Medel per insatsområde", &heading)?;
    let area_headers = [
        "Kod",
        "Insatsområde",
        "Budget",
        "Fördelat",
        "Rekvirerat",
        "Förbrukat",
        "Kvar",
    ];
    for (col, h) in area_headers.iter().enumerate() {
        sheet.write_with_format(8, col as u16, *h, &header)?;
    }
    let area_row = 9;
    // Copies of a repeating row keep its height: two lines of a long name fit.
    sheet.set_row_height(area_row, 30)?;
    sheet.write_with_format(area_row, 0, "{{Insatsområden.Kod}}", &cell)?;
    sheet.write_with_format(area_row, 1, "{{Insatsområden.Namn}}", &wrap)?;
    for (col, name) in [
        (2, "Budget"),
        (3, "Fördelat"),
        (4, "Rekvirerat"),
        (5, "Förbrukat"),
    ] {
        sheet.write_with_format(
            area_row,
            col,
            format!("{{{{Insatsområden.{name}}}}}"),
            &money,
        )?;
    }
    sheet.write_formula_with_format(area_row, 6, "=C10-F10", &money)?;
    // Sub-areas (1a, 1b) are part of their area: the sums count areas whose code is a number.
    sheet.write_with_format(area_row + 1, 0, "", &sum_label)?;
    sheet.write_with_format(area_row + 1, 1, "Summa (huvudområden)", &sum_label)?;
    for (col, letter) in [(2, 'C'), (3, 'D'), (4, 'E'), (5, 'F'), (6, 'G')] {
        sheet.write_formula_with_format(
            area_row + 1,
            col,
            format!("=SUMPRODUCT(ISNUMBER(-A10:A10)*{letter}10:{letter}10)").as_str(),
            &sum_money,
        )?;
    }
    sheet.write_with_format(area_row + 2, 1, "Enligt överenskommelsen", &label)?;
    sheet.write_with_format(area_row + 2, 2, "{{Totalt.Budget}}", &money)?;

    // 2. Per insats, with Bedömning as a drop-down and in colour.
    sheet.write_with_format(13, 0, "2. Insatser", &heading)?;
    let insats_headers = [
        "Område",
        "Insats",
        "Ansvarig",
        "Belopp",
        "Förbrukat",
        "Kvar",
        "Bedömning",
    ];
    for (col, h) in insats_headers.iter().enumerate() {
        sheet.write_with_format(14, col as u16, *h, &header)?;
    }
    let insats_row = 15;
    sheet.set_row_height(insats_row, 30)?;
    sheet.write_with_format(insats_row, 0, "{{Insatser.Område}}", &cell)?;
    sheet.write_with_format(insats_row, 1, "{{Insatser.Insats}}", &wrap)?;
    sheet.write_with_format(insats_row, 2, "{{Insatser.Ansvarig}}", &wrap)?;
    sheet.write_with_format(insats_row, 3, "{{Insatser.Belopp}}", &money)?;
    sheet.write_with_format(insats_row, 4, "{{Insatser.Förbrukat}}", &money)?;
    sheet.write_formula_with_format(insats_row, 5, "=D16-E16", &money)?;
    sheet.write_with_format(insats_row, 6, "{{Insatser.Bedömning}}", &fill_in)?;
    let choice = DataValidation::new()
        .allow_list_strings(&["Grön", "Gul", "Röd"])?
        .set_input_title("Bedömning")?
        .set_input_message("Välj Grön, Gul eller Röd.")?;
    sheet.add_data_validation(insats_row, 6, insats_row, 6, &choice)?;
    for (value, colour) in [("Grön", 0xC6EFCE), ("Gul", 0xFFEB9C), ("Röd", 0xFFC7CE)] {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(format!("\"{value}\"")))
            .set_format(Format::new().set_background_color(Color::RGB(colour)));
        sheet.add_conditional_format(insats_row, 6, insats_row, 6, &rule)?;
    }
    sheet.write_with_format(insats_row + 1, 0, "", &sum_label)?;
    sheet.write_with_format(insats_row + 1, 1, "Summa", &sum_label)?;
    sheet.write_with_format(insats_row + 1, 2, "", &sum_label)?;
    for (col, letter) in [(3, 'D'), (4, 'E'), (5, 'F')] {
        sheet.write_formula_with_format(
            insats_row + 1,
            col,
            format!("=SUM({letter}16:{letter}16)").as_str(),
            &sum_money,
        )?;
    }
    sheet.write_with_format(insats_row + 1, 6, "", &sum_label)?;

    // Signature block.
    let sign = insats_row + 4;
    sheet.write_with_format(sign, 0, "Intygas av behörig företrädare", &label)?;
    sheet.set_row_height(sign + 2, 30)?;
    for (col, text) in [
        (1, "Ort och datum"),
        (2, "Underskrift"),
        (4, "Namnförtydligande"),
    ] {
        sheet.write_with_format(sign + 3, col, text, &signature)?;
    }
    sheet.write_with_format(sign + 3, 3, "", &signature)?;
    sheet.write_with_format(sign + 3, 5, "", &signature)?;

    // Print set-up: A4 landscape, one page wide, header rows repeated, page numbers.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_area(0, 0, sign + 3, 6)?;
    sheet.set_repeat_rows(14, 14)?;
    sheet.set_footer("&LRedovisning av statsbidrag&RSida &P av &N");
    sheet.protect();

    workbook.define_name("Summa_insatser", &format!("={SHEET}!$D$17"))?;

    std::fs::create_dir_all("input/mallar").map_err(XlsxError::IoError)?;
    workbook.save(OUT)?;
    println!("Skrev {OUT}");
    Ok(())
}

/// A small logo drawn in code (a blue disc with a green leaf and three bars of "text"), encoded as
/// an uncompressed PNG, so the example needs no image file.
fn logo_png() -> Vec<u8> {
    let (w, h) = (240u32, 72u32);
    let mut pixels = Vec::with_capacity(((w * 3 + 1) * h) as usize);
    for y in 0..h {
        pixels.push(0); // filter: none
        for x in 0..w {
            let (fx, fy) = (x as f64, y as f64);
            let disc = (fx - 36.0).powi(2) + (fy - 36.0).powi(2) <= 30.0f64.powi(2);
            let leaf =
                (fx - 40.0).powi(2) / 14.0f64.powi(2) + (fy - 32.0).powi(2) / 8.0f64.powi(2) <= 1.0;
            let bar = x >= 80
                && ((14..24).contains(&y) && x < 228
                    || (32..40).contains(&y) && x < 200
                    || (48..56).contains(&y) && x < 170);
            let rgb: [u8; 3] = if leaf {
                [0x70, 0xAD, 0x47]
            } else if disc {
                [0x1F, 0x4E, 0x79]
            } else if bar {
                [0x40, 0x40, 0x40]
            } else {
                [0xFF, 0xFF, 0xFF]
            };
            pixels.extend_from_slice(&rgb);
        }
    }
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &zlib_stored(&pixels));
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let crc = crc32(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + byte as u32) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= byte as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
