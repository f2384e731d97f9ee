//! The template as a zip package: recognising what is not a fillable xlsx, reading its XML parts,
//! and writing the filled copy where every entry that did not change is copied raw, byte for byte.

use super::error::Problem;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

/// A part larger than this unpacked is not a template (and would be a zip bomb).
const MAX_PART: u64 = 1 << 30;

pub struct Package<'a> {
    bytes: &'a [u8],
    names: Vec<String>,
}

fn zip_problem(e: zip::result::ZipError) -> Problem {
    Problem::NotXlsx {
        detail: e.to_string(),
    }
}

impl<'a> Package<'a> {
    /// Opens the template, refusing the formats it cannot fill with what to do instead.
    pub fn open(bytes: &'a [u8], file_name: &str) -> Result<Package<'a>, Problem> {
        let ext = std::path::Path::new(file_name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        // Compound file: an .xls, or an xlsx Excel encrypted with a password.
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(if ext == "xls" {
                Problem::OldXls
            } else {
                Problem::Encrypted
            });
        }
        if ext == "xls" {
            return Err(Problem::OldXls);
        }
        if ext == "xlsb" {
            return Err(Problem::Xlsb);
        }
        let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_problem)?;
        // The archive's own order, kept when writing.
        let mut ordered = Vec::with_capacity(archive.len());
        for i in 0..archive.len() {
            let f = archive.by_index_raw(i).map_err(zip_problem)?;
            if f.encrypted() {
                return Err(Problem::Encrypted);
            }
            ordered.push(f.name().map_err(zip_problem)?.into_owned());
        }
        if ordered.iter().any(|n| n == "xl/workbook.bin") {
            return Err(Problem::Xlsb);
        }
        if !ordered.iter().any(|n| n == "xl/workbook.xml") {
            return Err(Problem::NotXlsx {
                detail: if ordered.iter().any(|n| n == "content.xml") {
                    "OpenDocument (.ods)".into()
                } else {
                    "xl/workbook.xml saknas".into()
                },
            });
        }
        Ok(Package {
            bytes,
            names: ordered,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// A part as text; `None` when the package does not have it.
    pub fn read(&self, name: &str) -> Result<Option<String>, Problem> {
        if !self.has(name) {
            return Ok(None);
        }
        let mut archive = ZipArchive::new(Cursor::new(self.bytes)).map_err(zip_problem)?;
        let file = archive.by_name(name).map_err(zip_problem)?;
        let mut text = String::new();
        file.take(MAX_PART)
            .read_to_string(&mut text)
            .map_err(|e| Problem::NotXlsx {
                detail: format!("{name}: {e}"),
            })?;
        Ok(Some(text))
    }

    /// The filled package: changed parts written anew (with their original time stamps, so the same
    /// input gives the same bytes), removed parts left out, all others copied raw.
    pub fn write(
        &self,
        changed: &BTreeMap<String, Vec<u8>>,
        removed: &BTreeSet<String>,
    ) -> Result<Vec<u8>, Problem> {
        let io = |e: std::io::Error| Problem::Io {
            detail: e.to_string(),
        };
        let mut archive = ZipArchive::new(Cursor::new(self.bytes)).map_err(zip_problem)?;
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(self.bytes.len() * 2)));
        for i in 0..archive.len() {
            let file = archive.by_index_raw(i).map_err(zip_problem)?;
            let name = file.name().map_err(zip_problem)?.into_owned();
            if removed.contains(&name) {
                continue;
            }
            match changed.get(&name) {
                Some(bytes) => {
                    let options = SimpleFileOptions::default()
                        .compression_method(zip::CompressionMethod::Deflated)
                        .last_modified_time(file.last_modified().unwrap_or_default());
                    drop(file);
                    out.start_file(name, options).map_err(zip_problem)?;
                    out.write_all(bytes).map_err(io)?;
                }
                None => out.raw_copy_file(file).map_err(zip_problem)?,
            }
        }
        Ok(out.finish().map_err(zip_problem)?.into_inner())
    }
}

/// A relationship target resolved against the folder of the part that names it:
/// (`xl/worksheets/sheet1.xml`, `../drawings/drawing1.xml`) → `xl/drawings/drawing1.xml`.
pub fn resolve_target(source_part: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = source_part.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Where the relationships of a part live: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`.
pub fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(
            resolve_target("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml"),
            "xl/drawings/drawing1.xml"
        );
        assert_eq!(
            resolve_target("xl/workbook.xml", "worksheets/sheet2.xml"),
            "xl/worksheets/sheet2.xml"
        );
        assert_eq!(
            resolve_target("xl/workbook.xml", "/xl/worksheets/sheet2.xml"),
            "xl/worksheets/sheet2.xml"
        );
        assert_eq!(
            rels_path("xl/worksheets/sheet1.xml"),
            "xl/worksheets/_rels/sheet1.xml.rels"
        );
    }
}
