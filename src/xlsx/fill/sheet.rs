//! One worksheet, streamed twice: `scan` finds the placeholders and what may not be moved; `fill`
//! rewrites only the rows, cells and ranges that change and copies everything else as it was.

use super::data::Value;
use super::error::Problem;
use super::names::has_placeholder;
use super::parts::{Edit, rewrite};
use super::refs::{
    FormulaContext, Range, Shift, Shifts, cell_name, parse_cell, parse_range, shift_formula,
    shift_sqref,
};
use super::xml::{self, CellTexts, XmlWriter, attr, text_event, with_attrs};
use chrono::NaiveDate;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use std::collections::BTreeMap;

/// Excel's longest cell text.
const MAX_TEXT: usize = 32_767;

/// A cell whose text holds a placeholder.
#[derive(Debug, Clone)]
pub struct TextCell {
    pub row: u32,
    pub col: u32,
    pub text: String,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub cells: Vec<TextCell>,
    /// Formulas that hold `{{`: (row, col, formula).
    pub formulas_with_placeholders: Vec<(u32, u32, String)>,
    pub merges: Vec<Range>,
    /// The ranges of shared and array formulas, which one master cell defines.
    pub shared: Vec<Range>,
    pub last_row: u32,
    pub has_formulas: bool,
    /// Header and footer texts that hold placeholders (filled with single values).
    pub headers: Vec<String>,
    /// Placeholders elsewhere in the sheet, outside any cell, which are not filled: (where, in
    /// Swedish, and the text they are in).
    pub outside: Vec<(String, String)>,
}

/// The elements of a page header or footer (`&C{{Titel}}`).
pub(crate) fn is_header(local: &str) -> bool {
    matches!(
        local,
        "oddHeader" | "oddFooter" | "evenHeader" | "evenFooter" | "firstHeader" | "firstFooter"
    )
}

/// Where in a sheet an element outside the cells is, as the user knows it.
fn describe(local: &str) -> String {
    match local {
        "formula1" | "formula2" | "dataValidation" => "i en dataverifiering (listruta)".into(),
        "formula" | "cfRule" => "i en villkorsstyrd formatering".into(),
        "hyperlink" => "i en hyperlänk".into(),
        "f" | "sqref" => "i en formel utanför cellerna (tillägg i extLst)".into(),
        other => format!("i bladets element <{other}>"),
    }
}

/// The text of a cell as the user sees it, for strings only (shared or inline).
fn cell_text(kind: Option<&str>, value: &str, inline: &str, strings: &[String]) -> Option<String> {
    match kind {
        Some("s") => value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| strings.get(i))
            .cloned(),
        Some("inlineStr") => Some(inline.to_string()),
        _ => None,
    }
}

/// Where a cell is: its `r`, or the next position when a writer left `r` out.
fn position(e: &BytesStart, row: u32, next_col: u32) -> (u32, u32) {
    attr(e, "r")
        .and_then(|r| parse_cell(&r))
        .map_or((next_col, row), |(c, r)| (c, r))
}

fn row_number(e: &BytesStart, next: u32) -> u32 {
    attr(e, "r")
        .and_then(|r| r.trim().parse::<u32>().ok())
        .filter(|&r| r > 0)
        .map_or(next, |r| r - 1)
}

/// The elements open outside the cells and the text of the one open now, so a placeholder in a
/// page header, a validation or an attribute is found with its place.
#[derive(Default)]
struct OutsideCells {
    stack: Vec<String>,
    text: xml::TextBuf,
}

impl OutsideCells {
    fn see(&mut self, event: &Event, scan: &mut Scan) {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let local = xml::local(e.name().0);
                for a in e.attributes().flatten() {
                    if a.value.contains("{{") {
                        scan.outside.push((describe(local), a.value.to_string()));
                    }
                }
                if matches!(event, Event::Start(_)) {
                    self.stack.push(local.to_string());
                    self.text.take();
                }
            }
            Event::End(e)
                if self.stack.last().map(String::as_str) == Some(xml::local(e.name().0)) =>
            {
                let local = self.stack.pop().unwrap_or_default();
                let text = self.text.take();
                if text.contains("{{") {
                    if is_header(&local) {
                        scan.headers.push(text);
                    } else if local != "c" {
                        scan.outside.push((describe(&local), text));
                    }
                }
            }
            other => self.text.push(other),
        }
    }
}

impl Scan {
    /// A cell read to its end (`(row, col, t)`): a formula holding `{{`, or a text cell holding a
    /// placeholder, is recorded.
    fn end_cell(
        &mut self,
        (row, col, kind): (u32, u32, Option<String>),
        has_f: bool,
        texts: &mut CellTexts,
        strings: &[String],
    ) {
        let formula = texts.f.take();
        let value = texts.v.take();
        let inline = texts.is.take();
        if has_f {
            if formula.contains("{{") {
                self.formulas_with_placeholders.push((row, col, formula));
            }
        } else if let Some(text) = cell_text(kind.as_deref(), &value, &inline, strings)
            && has_placeholder(&text)
        {
            self.cells.push(TextCell { row, col, text });
        }
    }
}

/// Reads a sheet for what filling it needs: its placeholder cells, formulas, merged and shared
/// ranges, last row, and placeholders outside the cells.
pub fn scan(part: &str, text: &str, strings: &[String]) -> Result<Scan, Problem> {
    let bad = |e: &dyn std::fmt::Display| super::parts::bad(part, e);
    let mut reader = xml::reader(text);
    let mut scan = Scan::default();
    let (mut row, mut next_row, mut next_col) = (0u32, 0u32, 0u32);
    // Inside a cell: position, type, and the texts of <f>, <v> and <is>.
    let mut cell: Option<(u32, u32, Option<String>)> = None;
    let mut texts = CellTexts::default();
    let mut has_f = false;
    let mut outside = OutsideCells::default();
    let mut depth = 0usize;
    let mut in_row = false;
    loop {
        let event = reader.read_event().map_err(|e| bad(&e))?;
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if cell.is_none() {
            outside.see(&event, &mut scan);
        }
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match xml::local(e.name().0) {
                    // A row inside a row, or a row or cell inside a cell, is no sheet Excel
                    // wrote; its rewrite would split the cells wrongly, so it is refused.
                    "row" | "c" if cell.is_some() => return Err(bad(&"c")),
                    "row" if in_row => return Err(bad(&"row")),
                    "row" => {
                        in_row = !empty;
                        row = row_number(e, next_row);
                        next_row = row + 1;
                        next_col = 0;
                        scan.last_row = scan.last_row.max(row);
                    }
                    "c" => {
                        let (c, r) = position(e, row, next_col);
                        next_col = c + 1;
                        if !empty {
                            cell = Some((r, c, attr(e, "t")));
                            has_f = false;
                        }
                    }
                    "f" if cell.is_some() => {
                        has_f = true;
                        scan.has_formulas = true;
                        texts.open("f", empty);
                        if let Some(range) = attr(e, "ref").and_then(|r| parse_range(&r))
                            && matches!(
                                attr(e, "t").as_deref(),
                                Some("shared" | "array" | "dataTable")
                            )
                        {
                            scan.shared.push(range);
                        }
                    }
                    name @ ("v" | "t") if cell.is_some() => texts.open(name, empty),
                    "rPh" => texts.open("rPh", empty),
                    "mergeCell" => {
                        if let Some(range) = attr(e, "ref").and_then(|r| parse_range(&r)) {
                            scan.merges.push(range);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match xml::local(e.name().0) {
                "row" => in_row = false,
                "c" => {
                    outside.stack.pop();
                    if let Some(at) = cell.take() {
                        scan.end_cell(at, has_f, &mut texts, strings);
                    }
                }
                name => texts.close(name),
            },
            // Elements still open at the end: a truncated sheet, refused.
            Event::Eof if depth != 0 => return Err(bad(&"avkortad")),
            Event::Eof => break,
            other => texts.push(other),
        }
    }
    Ok(scan)
}

/// What a placeholder cell gets in one copy of its row.
#[derive(Debug, Clone, Copy)]
pub enum Item {
    /// Not a repeating row: only single values.
    Single,
    /// The copy for this record.
    Record(usize),
    /// A repeating row with nothing to repeat: its placeholder cells are left empty.
    Nothing,
}

/// Everything the rewrite of one sheet needs.
pub struct Fill<'a> {
    pub sheet: &'a str,
    pub shifts: &'a Shifts,
    pub shift: &'a Shift,
    /// Repeating rows and the records each is copied for.
    pub repeats: &'a BTreeMap<u32, Vec<usize>>,
    /// The value for a placeholder cell's text.
    pub content: &'a dyn Fn(&str, Item) -> Value,
    /// A header or footer text with its placeholders filled (single values only; checked before).
    pub header: &'a dyn Fn(&str) -> String,
    pub strings: &'a [String],
    pub date1904: bool,
}

/// The rewritten sheet, or `None` when nothing in it changed.
pub fn fill(part: &str, text: &str, fill: &Fill) -> Result<Option<Vec<u8>>, Problem> {
    let mut edit = SheetEdit {
        fill,
        next_row: 0,
        row: 0,
        part,
        error: None,
    };
    rewrite(part, text, &mut edit)
}

struct SheetEdit<'a> {
    fill: &'a Fill<'a>,
    next_row: u32,
    /// The template row being written, for messages.
    row: u32,
    part: &'a str,
    /// The first problem met outside the rows (ranges, formulas of validations and formats).
    error: Option<Problem>,
}

/// One cell of a buffered row.
struct Cell<'x> {
    start: BytesStart<'x>,
    inner: Vec<Event<'x>>,
    empty: bool,
}

enum Part<'x> {
    Cell(Cell<'x>),
    Other(Event<'x>),
}

impl<'a> SheetEdit<'a> {
    fn io(&self, e: std::io::Error) -> Problem {
        super::parts::bad(self.part, e)
    }

    fn formula(&self, text: &str, copy: Option<u32>) -> Result<String, Problem> {
        shift_formula(
            text,
            &FormulaContext {
                own_sheet: Some(self.fill.sheet),
                shifts: self.fill.shifts,
                copy,
            },
        )
        .map_err(Problem::from)
    }

    /// A template cell as the user names it (`Redovisning!B7`).
    fn place(&self, col: u32, row: u32) -> String {
        super::error::place(self.fill.sheet, col, row)
    }

    /// Keeps the first problem met where none can be returned.
    fn fail(&mut self, problem: Problem) {
        if self.error.is_none() {
            self.error = Some(problem);
        }
    }

    fn write_row(
        &self,
        w: &mut XmlWriter,
        start: &BytesStart,
        new_row: u32,
        parts: &[Part],
        copy: Option<u32>,
        item: Item,
    ) -> Result<bool, Problem> {
        let r = (new_row + 1).to_string();
        let mut changed = attr(start, "r").as_deref() != Some(r.as_str());
        let tag = if changed {
            with_attrs(start, &[("r", Some(&r))])
        } else {
            start.clone().into_owned()
        };
        let name = tag.name().0.to_string();
        w.write_event(Event::Start(tag)).map_err(|e| self.io(e))?;
        let mut next_col = 0;
        for part in parts {
            match part {
                Part::Cell(cell) => {
                    changed |= self.write_cell(w, cell, new_row, &mut next_col, copy, item)?;
                }
                Part::Other(ev) => w.write_event(ev.clone()).map_err(|e| self.io(e))?,
            }
        }
        w.write_event(Event::End(BytesEnd::new(name)))
            .map_err(|e| self.io(e))?;
        Ok(changed)
    }

    fn write_cell(
        &self,
        w: &mut XmlWriter,
        cell: &Cell,
        new_row: u32,
        next_col: &mut u32,
        copy: Option<u32>,
        item: Item,
    ) -> Result<bool, Problem> {
        let io = |e: std::io::Error| self.io(e);
        let (col, _) = position(&cell.start, 0, *next_col);
        *next_col = col + 1;
        let r = cell_name(col, new_row);
        let moved = attr(&cell.start, "r").as_deref() != Some(r.as_str());
        let tag = || {
            if moved {
                with_attrs(&cell.start, &[("r", Some(&r))])
            } else {
                cell.start.clone().into_owned()
            }
        };
        if cell.empty {
            w.write_event(Event::Empty(tag())).map_err(io)?;
            return Ok(moved);
        }
        // Gather the texts of the cell.
        let mut texts = CellTexts::default();
        let mut has_f = false;
        let mut f_tag: Option<BytesStart> = None;
        for ev in &cell.inner {
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let name = xml::local(e.name().0);
                    if name == "f" {
                        has_f = true;
                        f_tag = Some(e.clone());
                    }
                    texts.open(name, matches!(ev, Event::Empty(_)));
                }
                Event::End(e) => texts.close(xml::local(e.name().0)),
                other => texts.push(other),
            }
        }
        let CellTexts { f, v, is, .. } = texts;
        let kind = attr(&cell.start, "t");
        if !has_f {
            if let Some(text) = cell_text(kind.as_deref(), &v.text(), &is.text(), self.fill.strings)
                && has_placeholder(&text)
            {
                let value = match item {
                    Item::Nothing => Value::Empty,
                    _ => (self.fill.content)(&text, item),
                };
                self.write_value(w, &cell.start, &r, &value)?;
                return Ok(true);
            }
            w.write_event(Event::Start(tag())).map_err(io)?;
            for ev in &cell.inner {
                w.write_event(ev.clone()).map_err(io)?;
            }
            w.write_event(Event::End(BytesEnd::new(cell.start.name().0.to_string())))
                .map_err(io)?;
            return Ok(moved);
        }
        let tag = tag();
        self.write_formula(w, cell, &tag, moved, &f.text(), f_tag.as_ref(), copy, col)
    }

    /// A formula cell: its references move, and in a copy its relative rows follow the copy; its
    /// cached result goes. Whether anything in it changed.
    #[allow(clippy::too_many_arguments)]
    fn write_formula(
        &self,
        w: &mut XmlWriter,
        cell: &Cell,
        tag: &BytesStart,
        moved: bool,
        old: &str,
        f_tag: Option<&BytesStart>,
        copy: Option<u32>,
        col: u32,
    ) -> Result<bool, Problem> {
        let io = |e: std::io::Error| self.io(e);
        let at = self.place(col, self.row);
        let new = self.formula(old, copy).map_err(|p| p.at(at.clone()))?;
        let f_ref = f_tag.and_then(|t| attr(t, "ref"));
        let new_ref = match &f_ref {
            Some(r) => {
                Some(shift_sqref(r, self.fill.shift).map_err(|e| Problem::from(e).at(at.clone()))?)
            }
            None => None,
        };
        // The cached result goes: it was computed for the template's values, and LibreOffice shows a
        // cached result of a file it believes Excel wrote instead of recalculating it.
        let cached = cell.inner.iter().any(
            |ev| matches!(ev, Event::Start(e) | Event::Empty(e) if xml::local(e.name().0) == "v"),
        );
        let changed = moved || new != old || new_ref != f_ref || cached;
        let tag = with_attrs(tag, &[("t", None)]);
        w.write_event(Event::Start(tag)).map_err(io)?;
        let (mut in_f, mut in_v) = (false, false);
        for ev in &cell.inner {
            match ev {
                Event::Start(e) if xml::local(e.name().0) == "v" => in_v = true,
                Event::Empty(e) if xml::local(e.name().0) == "v" => {}
                Event::End(e) if xml::local(e.name().0) == "v" => in_v = false,
                _ if in_v => {}
                Event::Start(e) | Event::Empty(e) if xml::local(e.name().0) == "f" => {
                    let t = self.formula_tag(e, new_ref.as_deref(), &at)?;
                    if matches!(ev, Event::Start(_)) {
                        w.write_event(Event::Start(t)).map_err(io)?;
                        w.write_event(text_event(&new)).map_err(io)?;
                        in_f = true;
                    } else {
                        w.write_event(Event::Empty(t)).map_err(io)?;
                    }
                }
                Event::End(e) if xml::local(e.name().0) == "f" => {
                    in_f = false;
                    w.write_event(ev.clone()).map_err(io)?;
                }
                _ if in_f => {}
                _ => w.write_event(ev.clone()).map_err(io)?,
            }
        }
        w.write_event(Event::End(BytesEnd::new(cell.start.name().0.to_string())))
            .map_err(io)?;
        Ok(changed)
    }

    /// The `<f>` element with its moved `ref` and, for a data table, its input cells (`r1`, `r2`)
    /// moved with their rows too.
    fn formula_tag(
        &self,
        e: &BytesStart,
        new_ref: Option<&str>,
        at: &str,
    ) -> Result<BytesStart<'static>, Problem> {
        let mut inputs: Vec<(&str, Option<String>)> = Vec::new();
        for key in ["r1", "r2"] {
            let Some(old) = attr(e, key) else { continue };
            let Some((c, r)) = parse_cell(&old) else {
                continue;
            };
            let moved = self.fill.shift.moved(r).ok_or_else(|| {
                Problem::PastLastRow {
                    reference: old.clone(),
                }
                .at(at.to_string())
            })?;
            inputs.push((key, Some(cell_name(c, moved))));
        }
        if let Some(nr) = new_ref {
            inputs.push(("ref", Some(nr.to_string())));
        }
        let changes: Vec<(&str, Option<&str>)> =
            inputs.iter().map(|(k, v)| (*k, v.as_deref())).collect();
        Ok(with_attrs(e, &changes))
    }

    /// A filled cell: its style (`s`) and other attributes kept, its type set by the value.
    fn write_value(
        &self,
        w: &mut XmlWriter,
        start: &BytesStart,
        r: &str,
        value: &Value,
    ) -> Result<(), Problem> {
        let io = |e: std::io::Error| self.io(e);
        let name = start.name().0.to_string();
        // New elements take the cell's own prefix: in a sheet written as `<x:c>`, an unprefixed
        // `<v>` would be in no namespace and every reader would see the cell empty.
        let prefix = match name.rsplit_once(':') {
            Some((p, _)) => format!("{p}:"),
            None => String::new(),
        };
        let (v, is, t) = (
            format!("{prefix}v"),
            format!("{prefix}is"),
            format!("{prefix}t"),
        );
        let number = match value {
            Value::Number(n) => Some(*n),
            Value::Date(d) => Some(serial(*d, self.fill.date1904)),
            _ => None,
        };
        if let Some(n) = number {
            let tag = with_attrs(start, &[("r", Some(r)), ("t", None)]);
            w.write_event(Event::Start(tag)).map_err(io)?;
            w.write_event(Event::Start(BytesStart::new(v.as_str())))
                .map_err(io)?;
            w.write_event(text_event(&format_number(n))).map_err(io)?;
            w.write_event(Event::End(BytesEnd::new(v.as_str())))
                .map_err(io)?;
            w.write_event(Event::End(BytesEnd::new(name))).map_err(io)?;
            return Ok(());
        }
        match value {
            Value::Number(_) | Value::Date(_) | Value::Empty => {
                let tag = with_attrs(start, &[("r", Some(r)), ("t", None)]);
                w.write_event(Event::Empty(tag)).map_err(io)?;
                Ok(())
            }
            Value::Text(text) => {
                let text = clean_text(text);
                let tag = with_attrs(start, &[("r", Some(r)), ("t", Some("inlineStr"))]);
                w.write_event(Event::Start(tag)).map_err(io)?;
                w.write_event(Event::Start(BytesStart::new(is.as_str())))
                    .map_err(io)?;
                let mut t_tag = BytesStart::new(t.as_str());
                t_tag.push_attribute(("xml:space", "preserve"));
                w.write_event(Event::Start(t_tag)).map_err(io)?;
                w.write_event(text_event(&text)).map_err(io)?;
                w.write_event(Event::End(BytesEnd::new(t.as_str())))
                    .map_err(io)?;
                w.write_event(Event::End(BytesEnd::new(is.as_str())))
                    .map_err(io)?;
                w.write_event(Event::End(BytesEnd::new(name))).map_err(io)?;
                Ok(())
            }
        }
    }

    fn row_block(&mut self, events: Vec<Event<'_>>, w: &mut XmlWriter) -> Result<bool, Problem> {
        let Some(Event::Start(start)) = events.first() else {
            return Ok(false);
        };
        let row = row_number(start, self.next_row);
        self.next_row = row + 1;
        self.row = row;
        // Group the row's events into cells.
        let mut parts: Vec<Part> = Vec::new();
        let mut current: Option<Cell> = None;
        for ev in events[1..events.len() - 1].iter().cloned() {
            if let Some(cell) = current.as_mut() {
                if let Event::End(e) = &ev
                    && xml::local(e.name().0) == "c"
                {
                    if let Some(c) = current.take() {
                        parts.push(Part::Cell(c));
                    }
                    continue;
                }
                cell.inner.push(ev);
                continue;
            }
            match ev {
                Event::Start(e) if xml::local(e.name().0) == "c" => {
                    current = Some(Cell {
                        start: e,
                        inner: Vec::new(),
                        empty: false,
                    })
                }
                Event::Empty(e) if xml::local(e.name().0) == "c" => parts.push(Part::Cell(Cell {
                    start: e,
                    inner: Vec::new(),
                    empty: true,
                })),
                other => parts.push(Part::Other(other)),
            }
        }
        let first = self.fill.shift.row(row);
        match self.fill.repeats.get(&row) {
            Some(records) if records.is_empty() => {
                self.write_row(w, start, first, &parts, Some(0), Item::Nothing)?;
                Ok(true)
            }
            Some(records) => {
                for (k, &record) in records.iter().enumerate() {
                    self.write_row(
                        w,
                        start,
                        first + k as u32,
                        &parts,
                        Some(k as u32),
                        Item::Record(record),
                    )?;
                }
                Ok(true)
            }
            None => self.write_row(w, start, first, &parts, None, Item::Single),
        }
    }

    /// A sparkline (`<x14:sparkline>`: the data `xm:f`, the cell `xm:sqref`) on a repeating row is
    /// copied once per filled row, each drawing its own row's data, as Excel's fill-down does;
    /// elsewhere it moves with its row. It never grows over the copies (one sparkline cannot show
    /// several rows, and LibreOffice drops one that tries).
    fn sparkline_block(
        &mut self,
        events: Vec<Event<'_>>,
        w: &mut XmlWriter,
    ) -> Result<bool, Problem> {
        let mut texts: BTreeMap<&'static str, xml::TextBuf> = BTreeMap::new();
        let mut inside: Option<&'static str> = None;
        for ev in &events[1..] {
            match ev {
                Event::Start(e) => {
                    inside = match xml::local(e.name().0) {
                        "f" => Some("f"),
                        "sqref" => Some("sqref"),
                        _ => None,
                    }
                }
                Event::End(_) => inside = None,
                other => {
                    if let Some(k) = inside {
                        texts.entry(k).or_default().push(other);
                    }
                }
            }
        }
        let f = texts.get("f").map(xml::TextBuf::text).unwrap_or_default();
        let sqref = texts
            .get("sqref")
            .map(xml::TextBuf::text)
            .unwrap_or_default();
        let Some(cell) = parse_range(sqref.trim()).filter(|r| r.r1 == r.r2) else {
            // Not one cell: moved (never grown) like any other range.
            return self.sparkline_copies(&events, w, &f, &sqref, &[None]);
        };
        let copies: Vec<Option<u32>> = match self.fill.repeats.get(&cell.r1) {
            Some(records) => (0..records.len().max(1) as u32).map(Some).collect(),
            None => vec![None],
        };
        self.sparkline_copies(&events, w, &f, &sqref, &copies)
    }

    fn sparkline_copies(
        &mut self,
        events: &[Event<'_>],
        w: &mut XmlWriter,
        f: &str,
        sqref: &str,
        copies: &[Option<u32>],
    ) -> Result<bool, Problem> {
        let io = |e: std::io::Error| self.io(e);
        let at = format!("{} (minidiagram i {sqref})", self.fill.sheet);
        let mut changed = copies.len() > 1;
        for &copy in copies {
            let new_f = self.formula(f, copy).map_err(|p| p.at(at.clone()))?;
            let new_sqref = match parse_range(sqref.trim()) {
                Some(range) => {
                    let moved = range
                        .moved(self.fill.shift)
                        .map(|r| r.moved_down(copy.unwrap_or(0)))
                        .filter(|r| r.r2 < super::refs::MAX_ROWS)
                        .ok_or_else(|| {
                            Problem::PastLastRow {
                                reference: sqref.to_string(),
                            }
                            .at(at.clone())
                        })?;
                    moved.to_string()
                }
                None => sqref.to_string(),
            };
            changed |= new_f != f || new_sqref != sqref;
            let mut inside: Option<&str> = None;
            for ev in events {
                match ev {
                    Event::Start(e) => {
                        inside = match xml::local(e.name().0) {
                            "f" => Some(new_f.as_str()),
                            "sqref" => Some(new_sqref.as_str()),
                            _ => None,
                        };
                        w.write_event(ev.clone()).map_err(io)?;
                        if let Some(text) = inside {
                            w.write_event(text_event(text)).map_err(io)?;
                        }
                    }
                    Event::End(_) => {
                        inside = None;
                        w.write_event(ev.clone()).map_err(io)?;
                    }
                    _ if inside.is_some() => {}
                    _ => w.write_event(ev.clone()).map_err(io)?,
                }
            }
        }
        Ok(changed)
    }

    /// Merged ranges moved; a merge inside a repeating row is repeated on every copy.
    fn merge_block(&mut self, events: Vec<Event<'_>>, w: &mut XmlWriter) -> Result<bool, Problem> {
        let io = |e: std::io::Error| self.io(e);
        let shift = self.fill.shift;
        let mut ranges: Vec<String> = Vec::new();
        let mut changed = false;
        for ev in &events {
            if let Event::Start(e) | Event::Empty(e) = ev {
                if xml::local(e.name().0) != "mergeCell" {
                    continue;
                }
                let Some(old) = attr(e, "ref") else { continue };
                let Some(range) = parse_range(&old) else {
                    ranges.push(old);
                    continue;
                };
                // Rows move; a merge never grows (one crossing a repeating row was refused).
                let Some(moved) = range.moved(shift) else {
                    return Err(
                        Problem::PastLastRow { reference: old }.at(self.place(range.c1, range.r1))
                    );
                };
                changed |= moved != range;
                ranges.push(moved.to_string());
                if range.r1 == range.r2
                    && let Some(records) = self.fill.repeats.get(&range.r1)
                {
                    for k in 1..records.len() as u32 {
                        ranges.push(moved.moved_down(k).to_string());
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            for ev in events {
                w.write_event(ev).map_err(io)?;
            }
            return Ok(false);
        }
        let Some(Event::Start(start)) = events.first() else {
            return Ok(false);
        };
        let count = ranges.len().to_string();
        let name = start.name().0.to_string();
        w.write_event(Event::Start(with_attrs(start, &[("count", Some(&count))])))
            .map_err(io)?;
        let child = events
            .iter()
            .find_map(|ev| match ev {
                Event::Start(e) | Event::Empty(e) if xml::local(e.name().0) == "mergeCell" => {
                    Some(e.name().0.to_string())
                }
                _ => None,
            })
            .unwrap_or_else(|| "mergeCell".to_string());
        for range in ranges {
            let mut tag = BytesStart::new(child.clone());
            tag.push_attribute(("ref", range.as_str()));
            w.write_event(Event::Empty(tag)).map_err(io)?;
        }
        w.write_event(Event::End(BytesEnd::new(name))).map_err(io)?;
        Ok(true)
    }
}

impl Edit for SheetEdit<'_> {
    fn tag(&mut self, e: &BytesStart, parent: &str) -> Option<BytesStart<'static>> {
        let shift = self.fill.shift;
        let key = match xml::local(e.name().0) {
            "dimension" | "hyperlink" | "autoFilter" => "ref",
            "conditionalFormatting" | "dataValidation" | "ignoredError" | "protectedRange" => {
                "sqref"
            }
            "row" => {
                // An empty row: only its number moves.
                let row = row_number(e, self.next_row);
                self.next_row = row + 1;
                let new = (shift.row(row) + 1).to_string();
                return (attr(e, "r").as_deref() != Some(new.as_str()))
                    .then(|| with_attrs(e, &[("r", Some(&new))]));
            }
            // A row break moves with its row (`id` is the row above the break, 1-based, so the
            // break stays under the same row); column breaks (`colBreaks`) name columns: they stay.
            "brk" if parent == "rowBreaks" => {
                let id: u32 = attr(e, "id")?.parse().ok()?;
                if id == 0 {
                    return None;
                }
                let new = match shift.moved(id - 1) {
                    Some(r) => r + 1,
                    None => {
                        self.fail(Problem::PastLastRow {
                            reference: format!("sidbrytning efter rad {id}"),
                        });
                        return None;
                    }
                };
                return (new != id).then(|| with_attrs(e, &[("id", Some(&new.to_string()))]));
            }
            _ => return None,
        };
        let old = attr(e, key)?;
        let new = match shift_sqref(&old, shift) {
            Ok(new) => new,
            Err(err) => {
                let at = format!("{} ({})", self.fill.sheet, describe(xml::local(e.name().0)));
                self.fail(Problem::from(err).at(at));
                return None;
            }
        };
        (new != old).then(|| with_attrs(e, &[(key, Some(&new))]))
    }

    fn wants_text(&self, local: &str, _parent: &str) -> bool {
        // Outside sheetData: conditional-format and validation formulas, and the x14 extension's
        // `xm:f` and `xm:sqref` (drop-downs pointing at another sheet live there); page headers
        // and footers, whose placeholders are filled.
        matches!(local, "formula" | "formula1" | "formula2" | "f" | "sqref") || is_header(local)
    }

    fn text(&mut self, local: &str, text: &str) -> Option<String> {
        if is_header(local) {
            return text.contains("{{").then(|| (self.fill.header)(text));
        }
        let moved = if local == "sqref" {
            shift_sqref(text, self.fill.shift).map_err(Problem::from)
        } else {
            self.formula(text, None)
        };
        match moved {
            Ok(new) => Some(new),
            Err(problem) => {
                let at = format!("{} ({})", self.fill.sheet, describe(local));
                self.fail(problem.at(at));
                None
            }
        }
    }

    fn wants_block(&self, local: &str) -> bool {
        matches!(local, "row" | "mergeCells" | "sparkline")
    }

    fn block(&mut self, events: Vec<Event<'_>>, w: &mut XmlWriter) -> Result<bool, Problem> {
        let local = match events.first() {
            Some(Event::Start(e)) => xml::local(e.name().0).to_string(),
            _ => return Ok(false),
        };
        match local.as_str() {
            "row" => self.row_block(events, w),
            "sparkline" => self.sparkline_block(events, w),
            _ => self.merge_block(events, w),
        }
    }

    fn take_error(&mut self) -> Option<Problem> {
        self.error.take()
    }
}

/// A date as Excel's serial number, from 1899-12-30 or, in 1904 workbooks, from 1904-01-01.
pub fn serial(date: NaiveDate, date1904: bool) -> f64 {
    let base = if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    };
    // Both base dates exist in the calendar.
    base.map_or(0.0, |b| (date - b).num_days() as f64)
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Text a cell can hold: control characters other than tab and line breaks removed (XML 1.0
/// cannot carry them), at most Excel's 32 767 characters.
pub(crate) fn clean_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .take(MAX_TEXT)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_text() {
        let d = NaiveDate::from_ymd_opt(2025, 9, 29).unwrap();
        assert_eq!(serial(d, false), 45929.0);
        assert_eq!(serial(d, true), 45929.0 - 1462.0);
        assert_eq!(clean_text("a\u{1}b\nc"), "ab\nc");
        assert_eq!(clean_text(&"x".repeat(40_000)).len(), MAX_TEXT);
    }
}
