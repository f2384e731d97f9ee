//! The package's parts around the sheets: the workbook (sheet list, 1904 dates, names, calculation),
//! relationships, content types, shared strings, and the parts whose row numbers move with the
//! sheet they belong to (drawings, tables) or that name ranges (charts).

use super::error::Problem;
use super::package::{Package, rels_path, resolve_target};
use super::refs::{FormulaContext, Shift, Shifts, shift_formula, shift_sqref};
use super::xml::{self, TextBuf, XmlWriter, attr, text_event, with_attrs};
use quick_xml::events::{BytesStart, Event};

pub const WORKBOOK: &str = "xl/workbook.xml";
const STRICT_NS: &str = "purl.oclc.org/ooxml/spreadsheetml/main";

fn bad(part: &str, e: impl std::fmt::Display) -> Problem {
    Problem::NotXlsx {
        detail: format!("{part}: {e}"),
    }
}

/// A worksheet of the workbook.
#[derive(Debug, Clone)]
pub struct SheetPart {
    pub name: String,
    pub path: String,
}

#[derive(Debug, Clone)]
pub struct WorkbookInfo {
    pub sheets: Vec<SheetPart>,
    pub date1904: bool,
}

/// Relationships of a part: (id, type, resolved target).
pub fn relationships(pkg: &Package, part: &str) -> Result<Vec<(String, String, String)>, Problem> {
    let path = rels_path(part);
    let Some(text) = pkg.read(&path)? else {
        return Ok(Vec::new());
    };
    let mut reader = xml::reader(&text);
    let mut out = Vec::new();
    loop {
        match reader.read_event().map_err(|e| bad(&path, e))? {
            Event::Start(e) | Event::Empty(e) if xml::local(e.name().0) == "Relationship" => {
                if attr(&e, "TargetMode").as_deref() == Some("External") {
                    continue;
                }
                let (Some(id), Some(kind), Some(target)) =
                    (attr(&e, "Id"), attr(&e, "Type"), attr(&e, "Target"))
                else {
                    continue;
                };
                out.push((id, kind, resolve_target(part, &target)));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

pub fn workbook_info(pkg: &Package) -> Result<WorkbookInfo, Problem> {
    let text = pkg.read(WORKBOOK)?.unwrap_or_default();
    if text.contains(STRICT_NS) {
        return Err(Problem::Strict);
    }
    let rels = relationships(pkg, WORKBOOK)?;
    let mut reader = xml::reader(&text);
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match reader.read_event().map_err(|e| bad(WORKBOOK, e))? {
            Event::Start(e) | Event::Empty(e) => match xml::local(e.name().0) {
                "sheet" => {
                    let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "r:id")) else {
                        continue;
                    };
                    // Chart sheets and macro sheets have nothing to fill.
                    if let Some((_, kind, path)) = rels.iter().find(|(i, _, _)| *i == id) {
                        if kind.ends_with("/worksheet") {
                            sheets.push(SheetPart {
                                name,
                                path: path.clone(),
                            });
                        }
                    }
                }
                "workbookPr" => {
                    date1904 = matches!(attr(&e, "date1904").as_deref(), Some("1" | "true"));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(WorkbookInfo { sheets, date1904 })
}

/// Shared strings as plain text (rich-text runs joined, phonetic hints left out), so a placeholder
/// split over runs is still found.
pub fn shared_strings(pkg: &Package) -> Result<Vec<String>, Problem> {
    let rels = relationships(pkg, WORKBOOK)?;
    let path = rels
        .iter()
        .find(|(_, kind, _)| kind.ends_with("/sharedStrings"))
        .map_or("xl/sharedStrings.xml".to_string(), |(_, _, p)| p.clone());
    let Some(text) = pkg.read(&path)? else {
        return Ok(Vec::new());
    };
    let mut reader = xml::reader(&text);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_t = false;
    let mut in_phonetic = false;
    let mut buf = TextBuf::default();
    loop {
        let event = reader.read_event().map_err(|e| bad(&path, e))?;
        match &event {
            Event::Start(e) => match xml::local(e.name().0) {
                "si" => current.clear(),
                "t" if !in_phonetic => in_t = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if xml::local(e.name().0) == "si" => out.push(String::new()),
            Event::End(e) => match xml::local(e.name().0) {
                "si" => out.push(std::mem::take(&mut current)),
                "t" if in_t => {
                    in_t = false;
                    current.push_str(&buf.take());
                }
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Eof => break,
            other if in_t => buf.push(other),
            _ => {}
        }
    }
    Ok(out)
}

/// What a streaming rewrite does with the tags and texts it meets.
pub trait Edit {
    /// A replacement for a start or empty tag.
    fn tag(&mut self, _e: &BytesStart, _parent: &str) -> Option<BytesStart<'static>> {
        None
    }
    /// Whether the text of this element (by local name, inside `parent`) is to be rewritten.
    fn wants_text(&self, _local: &str, _parent: &str) -> bool {
        false
    }
    fn text(&mut self, _local: &str, _text: &str) -> Option<String> {
        None
    }
    /// Whether this element is handed over whole (start tag to end tag) to `block`.
    fn wants_block(&self, _local: &str) -> bool {
        false
    }
    /// Writes a whole element; returns whether it differs from the original.
    fn block(&mut self, _events: Vec<Event<'_>>, _w: &mut XmlWriter) -> Result<bool, Problem> {
        Ok(false)
    }
}

/// Streams a part through `edit`; `None` when nothing changed, so the part is copied raw.
pub fn rewrite(part: &str, text: &str, edit: &mut dyn Edit) -> Result<Option<Vec<u8>>, Problem> {
    let mut reader = xml::reader(text);
    let mut w = xml::writer(text.len() + 256);
    let mut stack: Vec<String> = Vec::new();
    let mut changed = false;
    // While capturing, the element's local name and its buffered events.
    let mut capture: Option<(String, Vec<Event>, TextBuf)> = None;
    let io = |e: std::io::Error| bad(part, e);
    loop {
        let event = reader.read_event().map_err(|e| bad(part, e))?;
        if let Some((local, events, buf)) = capture.as_mut() {
            if let Event::End(e) = &event {
                if xml::local(e.name().0) == local.as_str() {
                    let old = buf.text();
                    match edit.text(local, &old).filter(|new| *new != old) {
                        Some(new) => {
                            changed = true;
                            w.write_event(text_event(&new)).map_err(io)?;
                        }
                        None => {
                            for ev in events.drain(..) {
                                w.write_event(ev).map_err(io)?;
                            }
                        }
                    }
                    capture = None;
                    stack.pop();
                    w.write_event(event).map_err(io)?;
                    continue;
                }
            }
            buf.push(&event);
            events.push(event);
            continue;
        }
        if let Event::Start(e) = &event {
            let local = xml::local(e.name().0).to_string();
            if edit.wants_block(&local) {
                let mut events = vec![event.clone()];
                let mut depth = 1;
                loop {
                    let ev = reader.read_event().map_err(|e| bad(part, e))?;
                    match &ev {
                        Event::Start(s) if xml::local(s.name().0) == local => depth += 1,
                        Event::End(s) if xml::local(s.name().0) == local => depth -= 1,
                        Event::Eof => return Err(bad(part, format!("<{local}> slutar aldrig"))),
                        _ => {}
                    }
                    events.push(ev);
                    if depth == 0 {
                        break;
                    }
                }
                changed |= edit.block(events, &mut w)?;
                continue;
            }
        }
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_start = matches!(event, Event::Start(_));
                let parent = stack.last().map_or("", String::as_str);
                let local = xml::local(e.name().0).to_string();
                let wants = is_start && edit.wants_text(&local, parent);
                match edit.tag(e, parent) {
                    Some(new) => {
                        changed = true;
                        let ev = if is_start {
                            Event::Start(new)
                        } else {
                            Event::Empty(new)
                        };
                        w.write_event(ev).map_err(io)?;
                    }
                    None => w.write_event(event.clone()).map_err(io)?,
                }
                if is_start {
                    stack.push(local.clone());
                    if wants {
                        capture = Some((local, Vec::new(), TextBuf::default()));
                    }
                }
            }
            Event::End(_) => {
                stack.pop();
                w.write_event(event).map_err(io)?;
            }
            Event::Eof => break,
            other => w.write_event(other).map_err(io)?,
        }
    }
    Ok(changed.then(|| w.into_inner()))
}

/// Defined names (the print area among them) moved; `fullCalcOnLoad` set so Excel and LibreOffice
/// recalculate every formula on opening; the calculation chain's relationship dropped.
pub fn rewrite_workbook(
    pkg: &Package,
    info: &WorkbookInfo,
    shifts: &Shifts,
) -> Result<Vec<u8>, Problem> {
    struct Names<'a> {
        info: &'a WorkbookInfo,
        shifts: &'a Shifts,
        local_sheet: Option<usize>,
        seen_calc: bool,
    }
    impl Edit for Names<'_> {
        fn tag(&mut self, e: &BytesStart, _parent: &str) -> Option<BytesStart<'static>> {
            match xml::local(e.name().0) {
                "definedName" => {
                    self.local_sheet = attr(e, "localSheetId").and_then(|s| s.parse().ok());
                    None
                }
                "calcPr" => {
                    self.seen_calc = true;
                    Some(with_attrs(e, &[("fullCalcOnLoad", Some("1"))]))
                }
                _ => None,
            }
        }
        fn wants_text(&self, local: &str, _parent: &str) -> bool {
            local == "definedName"
        }
        fn text(&mut self, _local: &str, text: &str) -> Option<String> {
            let own = self
                .local_sheet
                .and_then(|i| self.info.sheets.get(i))
                .map(|s| s.name.as_str());
            Some(shift_formula(
                text,
                &FormulaContext {
                    own_sheet: own,
                    shifts: self.shifts,
                    copy: None,
                },
            ))
        }
    }
    let text = pkg.read(WORKBOOK)?.unwrap_or_default();
    let mut edit = Names {
        info,
        shifts,
        local_sheet: None,
        seen_calc: false,
    };
    let out = rewrite(WORKBOOK, &text, &mut edit)?.unwrap_or_else(|| text.clone().into_bytes());
    if edit.seen_calc {
        return Ok(out);
    }
    // No calcPr: it goes where the schema orders it, after the names and before what follows them.
    let mut out = String::from_utf8(out).map_err(|e| bad(WORKBOOK, e))?;
    let before = [
        "<oleSize",
        "<customWorkbookViews",
        "<pivotCaches",
        "<smartTagPr",
        "<smartTagTypes",
        "<webPublishing",
        "<fileRecoveryPr",
        "<webPublishObjects",
        "<extLst",
        "</workbook>",
    ];
    let at = before
        .iter()
        .filter_map(|tag| out.find(tag))
        .min()
        .ok_or_else(|| bad(WORKBOOK, "</workbook> saknas"))?;
    out.insert_str(at, "<calcPr fullCalcOnLoad=\"1\"/>");
    Ok(out.into_bytes())
}

/// Removes the relationships (or content-type overrides) that point at a removed part.
pub fn without_relationship(
    part: &str,
    text: &str,
    removed: &str,
) -> Result<Option<Vec<u8>>, Problem> {
    let mut reader = xml::reader(text);
    let mut w = xml::writer(text.len());
    let mut changed = false;
    let io = |e: std::io::Error| bad(part, e);
    loop {
        let event = reader.read_event().map_err(|e| bad(part, e))?;
        match &event {
            Event::Empty(e) | Event::Start(e)
                if {
                    let target = attr(e, "Target")
                        .map(|t| resolve_target(WORKBOOK, &t))
                        .or_else(|| {
                            attr(e, "PartName").map(|p| p.trim_start_matches('/').to_string())
                        });
                    target.as_deref() == Some(removed)
                } =>
            {
                changed = true;
            }
            Event::Eof => break,
            _ => w.write_event(event.borrow()).map_err(io)?,
        }
    }
    Ok(changed.then(|| w.into_inner()))
}

/// Image and chart anchors (`<xdr:row>` of `from` and `to`, zero-based) moved with their sheet.
pub fn rewrite_drawing(part: &str, text: &str, shift: &Shift) -> Result<Option<Vec<u8>>, Problem> {
    struct Anchors<'a>(&'a Shift);
    impl Edit for Anchors<'_> {
        fn wants_text(&self, local: &str, parent: &str) -> bool {
            local == "row" && matches!(parent, "from" | "to")
        }
        fn text(&mut self, _local: &str, text: &str) -> Option<String> {
            let row: u32 = text.trim().parse().ok()?;
            Some(self.0.row(row).to_string())
        }
    }
    rewrite(part, text, &mut Anchors(shift))
}

/// A table's range and its filter range grown over the copies of a repeating row.
pub fn rewrite_table(part: &str, text: &str, shift: &Shift) -> Result<Option<Vec<u8>>, Problem> {
    struct Refs<'a>(&'a Shift);
    impl Edit for Refs<'_> {
        fn tag(&mut self, e: &BytesStart, _parent: &str) -> Option<BytesStart<'static>> {
            if !matches!(xml::local(e.name().0), "table" | "autoFilter" | "sortState") {
                return None;
            }
            let old = attr(e, "ref")?;
            let new = shift_sqref(&old, self.0);
            (new != old).then(|| with_attrs(e, &[("ref", Some(&new))]))
        }
    }
    rewrite(part, text, &mut Refs(shift))
}

/// The ranges a chart plots (`<c:f>`), which always name their sheet.
pub fn rewrite_chart(part: &str, text: &str, shifts: &Shifts) -> Result<Option<Vec<u8>>, Problem> {
    struct Series<'a>(&'a Shifts);
    impl Edit for Series<'_> {
        fn wants_text(&self, local: &str, _parent: &str) -> bool {
            local == "f"
        }
        fn text(&mut self, _local: &str, text: &str) -> Option<String> {
            Some(shift_formula(
                text,
                &FormulaContext {
                    own_sheet: None,
                    shifts: self.0,
                    copy: None,
                },
            ))
        }
    }
    rewrite(part, text, &mut Series(shifts))
}
