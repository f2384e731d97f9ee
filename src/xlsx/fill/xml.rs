//! Small helpers over quick-xml: attributes by name, rebuilding a start tag with changed
//! attributes, and the text of an element whatever entities split it.

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

pub(crate) type XmlWriter = Writer<Vec<u8>>;

pub fn reader(xml: &str) -> Reader<&[u8]> {
    Reader::from_reader(xml.as_bytes())
}

pub fn writer(capacity: usize) -> XmlWriter {
    Writer::new(Vec::with_capacity(capacity))
}

/// The unescaped value of an attribute, by its qualified name (`r`, `r:id`).
pub(crate) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.0 == name).map(|a| {
        quick_xml::escape::unescape(&a.value)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| a.value.to_string())
    })
}

/// The same tag with some attributes replaced (`Some`), added, or removed (`None`); the others are
/// kept exactly as written.
pub(crate) fn with_attrs(e: &BytesStart, changes: &[(&str, Option<&str>)]) -> BytesStart<'static> {
    let mut out = BytesStart::new(e.name().0.to_string());
    let mut done = vec![false; changes.len()];
    for a in e.attributes().flatten() {
        match changes.iter().position(|(k, _)| *k == a.key.0) {
            Some(i) => {
                done[i] = true;
                if let Some(v) = changes[i].1 {
                    out.push_attribute(Attribute::from((changes[i].0, v)));
                }
            }
            None => out.push_attribute(a),
        }
    }
    for (i, (k, v)) in changes.iter().enumerate() {
        if let (false, Some(v)) = (done[i], v) {
            out.push_attribute(Attribute::from((*k, *v)));
        }
    }
    out.into_owned()
}

/// Collects escaped text while inside an element, for elements whose text is rewritten.
#[derive(Default)]
pub(crate) struct TextBuf {
    raw: String,
}

impl TextBuf {
    /// Adds a text or entity event; other events are ignored.
    pub fn push(&mut self, event: &Event) {
        match event {
            Event::Text(t) => self.raw.push_str(&t.clone().into_inner()),
            Event::GeneralRef(r) => {
                self.raw.push('&');
                self.raw.push_str(&r.clone().into_inner());
                self.raw.push(';');
            }
            Event::CData(c) => self.raw.push_str(&quick_xml::escape::escape(
                c.clone().into_inner().into_owned(),
            )),
            _ => {}
        }
    }

    pub fn text(&self) -> String {
        quick_xml::escape::unescape(&self.raw)
            .map(|t| t.into_owned())
            .unwrap_or_else(|_| self.raw.clone())
    }

    pub fn take(&mut self) -> String {
        let t = self.text();
        self.raw.clear();
        t
    }
}

/// The texts of one cell as its events go by: the formula (`<f>`), the value (`<v>`) and an inline
/// string (`<is>`'s `<t>` runs, without the phonetic `<rPh>` ones). The scan and the rewrite of a
/// sheet read cells the same way.
#[derive(Default)]
pub(crate) struct CellTexts {
    pub f: TextBuf,
    pub v: TextBuf,
    pub is: TextBuf,
    in_f: bool,
    in_v: bool,
    in_t: bool,
    in_phonetic: bool,
}

impl CellTexts {
    /// A start (or, when `empty`, self-closing) tag inside the cell.
    pub fn open(&mut self, name: &str, empty: bool) {
        match name {
            "f" => self.in_f = !empty,
            "v" => self.in_v = !empty,
            "t" if !self.in_phonetic => self.in_t = !empty,
            "rPh" => self.in_phonetic = !empty,
            _ => {}
        }
    }

    pub fn close(&mut self, name: &str) {
        match name {
            "f" => self.in_f = false,
            "v" => self.in_v = false,
            "t" => self.in_t = false,
            "rPh" => self.in_phonetic = false,
            _ => {}
        }
    }

    /// Text or an entity: kept in the part it stands in.
    pub fn push(&mut self, event: &Event) {
        if self.in_f {
            self.f.push(event);
        } else if self.in_v {
            self.v.push(event);
        } else if self.in_t {
            self.is.push(event);
        }
    }
}

pub(crate) fn text_event(text: &str) -> Event<'static> {
    Event::Text(BytesText::new(text).into_owned())
}

pub fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of a namespaced attribute by its local name, whatever prefix the writer chose
/// (`r:id`, `ns1:id`); an unprefixed attribute of that name is a different one and is not taken.
pub(crate) fn prefixed_attr(e: &BytesStart, local_name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| {
            let key: &str = a.key.0;
            !key.starts_with("xmlns") && key.split_once(':').is_some_and(|(_, l)| l == local_name)
        })
        .map(|a| {
            quick_xml::escape::unescape(&a.value)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

/// The first text or attribute value holding `{{` outside a cached copy of cell values (a chart's
/// `c:strCache`/`c:numCache`: values Excel and LibreOffice read again from the cells, so a
/// placeholder cached there is filled through its cell). A part that does not parse is taken
/// whole: whatever it says, it has a placeholder that would not be filled.
pub(crate) fn placeholder_outside_caches(text: &str) -> Option<String> {
    let mut reader = reader(text);
    let mut stack: Vec<String> = Vec::new();
    let mut buf = TextBuf::default();
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(_) => return text.contains("{{").then(|| text.to_string()),
        };
        let cached = || stack.iter().any(|n| n.ends_with("Cache"));
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes().flatten() {
                    if a.value.contains("{{") {
                        return Some(a.value.to_string());
                    }
                }
                if matches!(event, Event::Start(_)) {
                    stack.push(local(e.name().0).to_string());
                }
                buf.take();
            }
            Event::End(_) => {
                let t = buf.take();
                if t.contains("{{") && !cached() {
                    return Some(t);
                }
                stack.pop();
            }
            Event::Eof => return None,
            other => buf.push(other),
        }
    }
}
