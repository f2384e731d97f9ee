//! The cell formats of the updated workbook, made once and shared by every sheet.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

/// Thousands separator as a format code stores it (`,`); Swedish Excel shows a space. A literal
/// space in the code would not group digits and breaks at a million.
pub(crate) const MONEY: &str = "#,##0 \"kr\"";
/// Swedish style `45 %`: the quoted space is literal, the `%` still scales by 100.
const PERCENT: &str = "0\" \"%";
pub const DATE: &str = "yyyy-mm-dd";

const HEADER_FILL: &str = "DCE6F1";
const COMPUTED_FILL: &str = "F2F2F2";
const TOTAL_FILL: &str = "EDEDED";
pub(crate) const GREEN: (&str, &str) = ("C6EFCE", "006100");
pub(crate) const YELLOW: (&str, &str) = ("FFEB9C", "9C5700");
pub(crate) const RED: (&str, &str) = ("FFC7CE", "9C0006");

pub struct Formats {
    pub header: Format,
    pub header_right: Format,
    pub computed_header: Format,
    pub text: Format,
    pub wrap: Format,
    pub number: Format,
    pub money: Format,
    pub date: Format,
    pub computed_money: Format,
    pub computed_percent: Format,
    pub area_text: Format,
    pub area_money: Format,
    pub sub_area_name: Format,
    pub total_text: Format,
    pub total_money: Format,
    pub error: Format,
    pub warning: Format,
    pub link: Format,
}

impl Formats {
    pub fn new() -> Self {
        // Top alignment keeps a row readable when one of its cells wraps over several lines.
        let base = Format::new().set_align(FormatAlign::Top);
        let header = base
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_background_color(HEADER_FILL)
            .set_border_bottom(FormatBorder::Thin);
        let computed = base.clone().set_background_color(COMPUTED_FILL);
        // Figures stand right-aligned, one indent off the text of the next column.
        let right = |format: Format| format.set_align(FormatAlign::Right).set_indent(1);
        let total = base
            .clone()
            .set_bold()
            .set_background_color(TOTAL_FILL)
            .set_border_top(FormatBorder::Thin);
        Formats {
            computed_header: right(header.clone().set_italic()),
            header_right: right(header.clone()),
            header,
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            number: base.clone(),
            money: right(base.clone().set_num_format(MONEY)),
            date: base.clone().set_num_format(DATE),
            computed_money: right(computed.clone().set_num_format(MONEY)),
            computed_percent: right(computed.set_num_format(PERCENT)),
            area_text: base.clone().set_bold().set_text_wrap(),
            area_money: right(base.clone().set_bold().set_num_format(MONEY)),
            sub_area_name: base.clone().set_text_wrap().set_indent(1),
            total_text: total.clone(),
            total_money: right(total.set_num_format(MONEY)),
            error: base.clone().set_bold().set_font_color(RED.1),
            warning: base.clone().set_bold().set_font_color(YELLOW.1),
            link: base.set_hyperlink(),
        }
    }
}

/// A format showing an assessment colour: light fill, dark text of the same hue.
pub(crate) fn highlight((fill, font): (&str, &str)) -> Format {
    Format::new()
        .set_background_color(fill)
        .set_font_color(font)
}
