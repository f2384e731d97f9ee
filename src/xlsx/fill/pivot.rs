//! Pivot tables: where a table sits on its sheet, and the source range of its cache.

use super::error::Problem;
use super::parts::{Edit, rewrite, with_moved_ref};
use super::refs::{Shift, Shifts, shift_sqref};
use super::xml::{self, attr, with_attrs};
use quick_xml::events::BytesStart;

/// A pivot table's place on its sheet (`<location ref>`) moved with its rows. One whose range holds
/// a repeating row is refused: it would be written over by the copies (or over them on refresh).
pub(crate) fn rewrite_pivot_table(
    part: &str,
    text: &str,
    shift: &Shift,
    repeating: &[u32],
) -> Result<Option<Vec<u8>>, Problem> {
    struct Location<'a> {
        shift: &'a Shift,
        repeating: &'a [u32],
        part: &'a str,
        error: Option<Problem>,
    }
    impl Edit for Location<'_> {
        fn tag(&mut self, e: &BytesStart, _parent: &str) -> Option<BytesStart<'static>> {
            if xml::local(e.name().0) != "location" {
                return None;
            }
            let old = attr(e, "ref")?;
            let range = super::refs::parse_range(&old)?;
            if self.repeating.iter().any(|&r| range.contains_row(r)) {
                self.error.get_or_insert(Problem::PivotCrossesRepeat {
                    part: self.part.to_string(),
                    range: old,
                });
                return None;
            }
            with_moved_ref(e, self.shift, &mut self.error)
        }
        fn take_error(&mut self) -> Option<Problem> {
            self.error.take()
        }
    }
    rewrite(
        part,
        text,
        &mut Location {
            shift,
            repeating,
            part,
            error: None,
        },
    )
}

/// A pivot cache's source range (`<worksheetSource ref sheet>`) grown over the copies of a
/// repeating row like any range that ends on it, and the cache marked to be refreshed when the
/// workbook opens: its stored records are the template's, not the filled values.
pub(crate) fn rewrite_pivot_cache(
    part: &str,
    text: &str,
    shifts: &Shifts,
) -> Result<Option<Vec<u8>>, Problem> {
    struct Source<'a> {
        shifts: &'a Shifts,
        error: Option<Problem>,
    }
    impl Edit for Source<'_> {
        fn tag(&mut self, e: &BytesStart, _parent: &str) -> Option<BytesStart<'static>> {
            match xml::local(e.name().0) {
                "pivotCacheDefinition" => Some(with_attrs(e, &[("refreshOnLoad", Some("1"))])),
                "worksheetSource" => {
                    let old = attr(e, "ref")?;
                    let shift = self.shifts.get(&attr(e, "sheet")?)?;
                    match shift_sqref(&old, shift) {
                        Ok(new) if new != old => Some(with_attrs(e, &[("ref", Some(&new))])),
                        Ok(_) => None,
                        Err(err) => {
                            self.error.get_or_insert(err.into());
                            None
                        }
                    }
                }
                _ => None,
            }
        }
        fn take_error(&mut self) -> Option<Problem> {
            self.error.take()
        }
    }
    rewrite(
        part,
        text,
        &mut Source {
            shifts,
            error: None,
        },
    )
}
