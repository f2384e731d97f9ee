//! The template as a zip package: recognising what is not a fillable xlsx, reading its XML parts,
//! and writing the filled copy where every entry that did not change is copied raw, byte for byte.

use super::error::Problem;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

/// Unpacked, a template may hold at most this much, in one part and in all of them together (the
/// reader's own limit for a workbook). Checked on the sizes the archive declares before anything is
/// inflated, and again while inflating, since a declared size can lie.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// A filled part may grow (repeating rows) to at most this much, and all changed parts together to
/// twice that: memory stays bounded whatever the template and the data.
pub(crate) const MAX_FILLED_PART: u64 = 256 * 1024 * 1024;

const MB: u64 = 1024 * 1024;

pub(crate) struct Package<'a> {
    bytes: &'a [u8],
    names: Vec<String>,
}

/// A zip library error in Swedish (its own English text never reaches the user).
fn zip_problem(e: zip::result::ZipError) -> Problem {
    use zip::result::ZipError;
    let detail = match e {
        ZipError::Io(_) | ZipError::InvalidArchive(_) => {
            "filen är inget giltigt zip-paket: den är skadad, avkortad eller ingen Excel-arbetsbok"
        }
        ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => {
            "zip-paketet är packat på ett sätt som inte stöds"
        }
        ZipError::InvalidPassword => "zip-paketet är lösenordsskyddat",
        ZipError::FileNotFound => "en del som zip-paketet listar saknas",
        _ => "zip-paketet går inte att läsa",
    };
    Problem::NotXlsx {
        detail: detail.into(),
    }
}

/// What a compound file (the container of .xls and of password-protected Office files) holds.
fn compound_problem(bytes: &[u8], ext: &str) -> Problem {
    let streams = std::panic::catch_unwind(|| {
        let file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
        Some(
            file.walk()
                .map(|e| e.name().to_lowercase())
                .collect::<Vec<_>>(),
        )
    })
    .ok()
    .flatten()
    .unwrap_or_default();
    if streams
        .iter()
        .any(|n| n == "encryptedpackage" || n == "encryptioninfo")
    {
        Problem::Encrypted
    } else if ext == "xls" {
        Problem::OldXls
    } else if streams.iter().any(|n| n == "workbook" || n == "book") {
        Problem::RenamedXls { ext: ext.into() }
    } else {
        Problem::NotXlsx {
            detail: "det är ett äldre Office-dokument, ingen Excel-arbetsbok".into(),
        }
    }
}

/// The names in the zip's central directory, as stored, duplicates included (the zip library keeps
/// only one entry per name). `None` when the directory cannot be walked here (zip64 archives);
/// the library's own count is compared then.
fn central_names(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let u16_at = |p: usize| -> Option<usize> {
        Some(u16::from_le_bytes(bytes.get(p..p + 2)?.try_into().ok()?) as usize)
    };
    let u32_at = |p: usize| -> Option<usize> {
        Some(u32::from_le_bytes(bytes.get(p..p + 4)?.try_into().ok()?) as usize)
    };
    let lowest = bytes.len().saturating_sub(22 + 65_535);
    let eocd = (lowest..=bytes.len().checked_sub(22)?)
        .rev()
        .find(|&p| bytes[p..p + 4] == [0x50, 0x4b, 0x05, 0x06])?;
    let count = u16_at(eocd + 10)?;
    let size = u32_at(eocd + 12)?;
    if count == 0xFFFF || size == 0xFFFF_FFFF || u32_at(eocd + 16)? == 0xFFFF_FFFF {
        return None;
    }
    // Data before the archive (a self-extracting stub) shifts every offset alike.
    let start = eocd.checked_sub(size)?;
    let mut names = Vec::with_capacity(count);
    let mut p = start;
    while p + 46 <= eocd && bytes[p..p + 4] == [0x50, 0x4b, 0x01, 0x02] {
        let (n, x, c) = (u16_at(p + 28)?, u16_at(p + 30)?, u16_at(p + 32)?);
        names.push(bytes.get(p + 46..p + 46 + n)?.to_vec());
        p += 46 + n + x + c;
    }
    Some(names)
}

impl<'a> Package<'a> {
    /// Opens the template, refusing the formats it cannot fill with what to do instead.
    pub fn open(bytes: &'a [u8], file_name: &str) -> Result<Package<'a>, Problem> {
        let ext = std::path::Path::new(file_name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        // Compound file: an .xls (perhaps renamed), or an xlsx encrypted with a password.
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(compound_problem(bytes, &ext));
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
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let f = archive.by_index_raw(i).map_err(zip_problem)?;
            if f.encrypted() {
                return Err(Problem::Encrypted);
            }
            let name = f.name().map_err(zip_problem)?.into_owned();
            if f.size() > MAX_UNPACKED {
                return Err(Problem::PartTooLarge {
                    part: name,
                    megabytes: f.size() / MB,
                    limit: MAX_UNPACKED / MB,
                });
            }
            total = total.saturating_add(f.size());
            ordered.push(name);
        }
        if total > MAX_UNPACKED {
            return Err(Problem::TotalTooLarge {
                megabytes: total / MB,
                limit: MAX_UNPACKED / MB,
            });
        }
        // Two entries of one name (or of names differing only in case, which the package format
        // counts as one): readers disagree about which is the part, so none is chosen here.
        let stored = central_names(bytes);
        let listed = stored.as_ref().map_or(archive.len(), Vec::len);
        let mut seen = BTreeSet::new();
        for name in stored.unwrap_or_default() {
            let name = String::from_utf8_lossy(&name).to_lowercase();
            if !seen.insert(name.clone()) {
                return Err(Problem::DuplicateEntry { name });
            }
        }
        if listed != archive.len() {
            return Err(Problem::DuplicateEntry {
                name: "(okänt namn)".into(),
            });
        }
        // Every entry is inflated once before anything else: a damaged one (which would be copied
        // raw into the filled copy) is refused, and the sizes are counted as they really are, so
        // an archive that declares small sizes and inflates huge is stopped at the limit.
        let mut inflated: u64 = 0;
        for i in 0..archive.len() {
            let entry = archive.by_index(i).map_err(zip_problem)?;
            let name = entry.name().map_err(zip_problem)?.into_owned();
            let left = MAX_UNPACKED - inflated.min(MAX_UNPACKED);
            let read =
                std::io::copy(&mut entry.take(left + 1), &mut std::io::sink()).map_err(|_| {
                    Problem::NotXlsx {
                        detail: format!("delen {name} är skadad och går inte att packa upp"),
                    }
                })?;
            inflated += read;
            if inflated > MAX_UNPACKED {
                return Err(Problem::TotalTooLarge {
                    megabytes: inflated / MB,
                    limit: MAX_UNPACKED / MB,
                });
            }
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
        let mut bytes = Vec::new();
        // One byte more than allowed tells a lying declared size from an exact one.
        file.take(MAX_UNPACKED + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| Problem::NotXlsx {
                detail: format!("delen {name} går inte att packa upp (skadad)"),
            })?;
        if bytes.len() as u64 > MAX_UNPACKED {
            return Err(Problem::PartTooLarge {
                part: name.to_string(),
                megabytes: bytes.len() as u64 / MB,
                limit: MAX_UNPACKED / MB,
            });
        }
        // A byte-order mark is allowed before the XML declaration; the text itself must be UTF-8.
        let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| Problem::NotXlsx {
                detail: format!("delen {name} är inte text i UTF-8"),
            })
    }

    /// The filled package: changed parts written anew (with their original time stamps, so the same
    /// input gives the same bytes), removed parts left out, all others copied raw.
    pub fn write(
        &self,
        changed: &BTreeMap<String, Vec<u8>>,
        removed: &BTreeSet<String>,
    ) -> Result<Vec<u8>, Problem> {
        let io = |_: std::io::Error| Problem::Io {
            detail: "den ifyllda kopian kunde inte skrivas i minnet".into(),
        };
        let total: u64 = changed.values().map(|b| b.len() as u64).sum();
        if let Some((part, _)) = changed
            .iter()
            .find(|(_, b)| b.len() as u64 > MAX_FILLED_PART)
            .or_else(|| {
                (total > 2 * MAX_FILLED_PART)
                    .then(|| changed.iter().next())
                    .flatten()
            })
        {
            return Err(Problem::OutputTooLarge {
                part: part.clone(),
                limit: MAX_FILLED_PART / MB,
            });
        }
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
                    // Only the content changes: the entry keeps its date, the system that made it
                    // (Excel's "MS-DOS") and its attributes, so the filled file does not depend
                    // on whether styrdok ran on Windows or Linux.
                    let options = SimpleFileOptions::default()
                        .compression_method(zip::CompressionMethod::Deflated)
                        .last_modified_time(file.last_modified().unwrap_or_default())
                        .system(file.system())
                        .external_attributes(file.external_attributes());
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
pub(crate) fn resolve_target(source_part: &str, target: &str) -> String {
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
pub(crate) fn rels_path(part: &str) -> String {
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
