//! The parts that place things by row beside a sheet, moved with its rows: drawings (pictures,
//! shapes, charts, each as its `editAs` says), notes and threaded comments, and the legacy VML
//! drawing that shows notes and form controls.

use super::error::Problem;
use super::parts::{Edit, bad, rewrite, with_moved_ref};
use super::refs::Shift;
use super::xml::{self, TextBuf, XmlWriter, attr, text_event};
use quick_xml::events::{BytesStart, Event};

/// Image and chart anchors (`<xdr:row>` of `from` and `to`, zero-based) moved with their sheet, as
/// each anchor's `editAs` says: `twoCell` (the default) moves and sizes with its cells, `oneCell`
/// moves but keeps its size (its `to` follows its `from`), `absolute` stays where it is.
pub(crate) fn rewrite_drawing(
    part: &str,
    text: &str,
    shift: &Shift,
) -> Result<Option<Vec<u8>>, Problem> {
    struct Anchors<'a> {
        shift: &'a Shift,
        part: &'a str,
    }
    impl Edit for Anchors<'_> {
        fn wants_block(&self, local: &str) -> bool {
            matches!(local, "twoCellAnchor" | "oneCellAnchor")
        }
        fn block(&mut self, events: Vec<Event<'_>>, w: &mut XmlWriter) -> Result<bool, Problem> {
            let Some(Event::Start(start)) = events.first() else {
                return Ok(false);
            };
            let edit_as = match xml::local(start.name().0) {
                "oneCellAnchor" => "oneCell".to_string(),
                _ => attr(start, "editAs").unwrap_or_else(|| "twoCell".into()),
            };
            // The rows of `from` and `to`, as written.
            let mut stack: Vec<String> = Vec::new();
            let mut rows: [Option<u32>; 2] = [None, None];
            let mut buf = TextBuf::default();
            for ev in &events {
                match ev {
                    Event::Start(e) => {
                        stack.push(xml::local(e.name().0).to_string());
                        buf.take();
                    }
                    Event::End(_) => {
                        let local = stack.pop().unwrap_or_default();
                        let parent = stack.last().map_or("", String::as_str);
                        if local == "row" {
                            let slot = match parent {
                                "from" => 0,
                                "to" => 1,
                                _ => continue,
                            };
                            rows[slot] = buf.take().trim().parse().ok();
                        }
                    }
                    other => buf.push(other),
                }
            }
            let past = || Problem::PastLastRow {
                reference: format!("bilden eller diagrammet i {}", self.part),
            };
            let from = match rows[0] {
                Some(r) if edit_as != "absolute" => Some(self.shift.moved(r).ok_or_else(past)?),
                other => other,
            };
            let to = match (edit_as.as_str(), rows[0], rows[1]) {
                (_, _, None) => None,
                ("absolute", _, to) => to,
                ("oneCell", Some(old_from), Some(to)) => {
                    let new = to.checked_add(from.unwrap_or(old_from) - old_from);
                    Some(
                        new.filter(|&r| r < super::refs::MAX_ROWS)
                            .ok_or_else(past)?,
                    )
                }
                (_, _, Some(to)) => Some(self.shift.moved(to).ok_or_else(past)?),
            };
            let changed = from != rows[0] || to != rows[1];
            let mut stack: Vec<String> = Vec::new();
            let mut skipping = false;
            for ev in events {
                match &ev {
                    Event::Start(e) => {
                        let local = xml::local(e.name().0).to_string();
                        let parent = stack.last().cloned().unwrap_or_default();
                        stack.push(local.clone());
                        w.write_event(ev.clone()).map_err(|e| bad(self.part, e))?;
                        let new = match (local.as_str(), parent.as_str()) {
                            ("row", "from") => from,
                            ("row", "to") => to,
                            _ => None,
                        };
                        if let Some(new) = new {
                            w.write_event(text_event(&new.to_string()))
                                .map_err(|e| bad(self.part, e))?;
                            skipping = true;
                        }
                    }
                    Event::End(_) => {
                        stack.pop();
                        skipping = false;
                        w.write_event(ev).map_err(|e| bad(self.part, e))?;
                    }
                    _ if skipping => {}
                    _ => w.write_event(ev).map_err(|e| bad(self.part, e))?,
                }
            }
            Ok(changed)
        }
    }
    rewrite(part, text, &mut Anchors { shift, part })
}

/// Notes (comments) and threaded comments: each `ref` moves with its cell. A note on a repeating
/// row stays on the row's first copy.
pub(crate) fn rewrite_comments(
    part: &str,
    text: &str,
    shift: &Shift,
) -> Result<Option<Vec<u8>>, Problem> {
    struct Refs<'a> {
        shift: &'a Shift,
        error: Option<Problem>,
    }
    impl Edit for Refs<'_> {
        fn tag(&mut self, e: &BytesStart, _parent: &str) -> Option<BytesStart<'static>> {
            if !matches!(xml::local(e.name().0), "comment" | "threadedComment") {
                return None;
            }
            with_moved_ref(e, self.shift, &mut self.error)
        }
        fn take_error(&mut self) -> Option<Problem> {
            self.error.take()
        }
    }
    rewrite(part, text, &mut Refs { shift, error: None })
}

/// The legacy drawing (VML) that shows notes and form controls: a note's cell (`<x:Row>`, 0-based)
/// moves with its cell and its box (`<x:Anchor>`: column, offset, row, offset, column, offset, row,
/// offset) by as many rows; a control without a cell moves with its top row.
pub(crate) fn rewrite_vml(
    part: &str,
    text: &str,
    shift: &Shift,
) -> Result<Option<Vec<u8>>, Problem> {
    struct Anchors<'a> {
        shift: &'a Shift,
        part: &'a str,
    }
    impl Edit for Anchors<'_> {
        fn wants_block(&self, local: &str) -> bool {
            local == "ClientData"
        }
        fn block(&mut self, events: Vec<Event<'_>>, w: &mut XmlWriter) -> Result<bool, Problem> {
            let mut texts: [TextBuf; 2] = Default::default();
            let mut inside: Option<usize> = None;
            for ev in &events[1..] {
                match ev {
                    Event::Start(e) => {
                        inside = match xml::local(e.name().0) {
                            "Row" => Some(0),
                            "Anchor" => Some(1),
                            _ => None,
                        }
                    }
                    Event::End(_) => inside = None,
                    other => {
                        if let Some(i) = inside {
                            texts[i].push(other);
                        }
                    }
                }
            }
            let past = || Problem::PastLastRow {
                reference: format!("anteckningen eller kontrollen i {}", self.part),
            };
            let row: Option<u32> = texts[0].text().trim().parse().ok();
            let mut anchor: Vec<u32> = texts[1]
                .text()
                .split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect();
            let top = anchor.get(2).copied();
            let (old, new) = match (row, top) {
                (Some(r), _) => (r, self.shift.moved(r).ok_or_else(past)?),
                (None, Some(t)) => (t, self.shift.moved(t).ok_or_else(past)?),
                (None, None) => (0, 0),
            };
            let delta = new - old;
            if anchor.len() == 8 {
                for i in [2, 6] {
                    anchor[i] = anchor[i]
                        .checked_add(delta)
                        .filter(|&r| r < super::refs::MAX_ROWS)
                        .ok_or_else(past)?;
                }
            }
            let new_row = row.map(|_| new.to_string());
            let new_anchor = (anchor.len() == 8).then(|| {
                anchor
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            let io = |e: std::io::Error| bad(self.part, e);
            let mut skipping = false;
            for ev in events {
                match &ev {
                    Event::Start(e) => {
                        let text = match xml::local(e.name().0) {
                            "Row" if delta > 0 => new_row.clone(),
                            "Anchor" if delta > 0 => new_anchor.clone(),
                            _ => None,
                        };
                        w.write_event(ev.clone()).map_err(io)?;
                        if let Some(text) = text {
                            w.write_event(text_event(&text)).map_err(io)?;
                            skipping = true;
                        }
                    }
                    Event::End(_) => {
                        skipping = false;
                        w.write_event(ev).map_err(io)?;
                    }
                    _ if skipping => {}
                    _ => w.write_event(ev).map_err(io)?,
                }
            }
            Ok(delta > 0)
        }
    }
    rewrite(part, text, &mut Anchors { shift, part })
}
