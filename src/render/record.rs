//! What the last build wrote, so the next one makes only what changed.
//!
//! Each product of a build (one PDF, a project's updated workbook, its filled templates) has a key: a
//! digest of everything that decides its bytes (styrdok's version, the templates and fonts, the data,
//! the options). The record keeps, per product, its key and the digest of every file it wrote. A
//! product whose key is the same as last time, and whose files are all still on disk with the bytes
//! styrdok wrote (not deleted, not edited by hand), is kept instead of made again. Anything else is
//! made: a missing, unreadable or foreign record only costs a full build.
//!
//! The record is a file in the output folder (`RECORD_FILE`), written together with the files it
//! describes (staged and renamed with them), so a failed build leaves the previous files and their
//! record as they were. `--watch` keeps it in memory between saves.

use super::files::{OutputFile, StagedFile};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

// The record's file name in the output folder: hidden, since it is styrdok's, not the user's; named
// where the projects are found, which skip a folder holding it.
use crate::workbook::BUILD_RECORD_FILE as RECORD_FILE;

/// What decides a product's bytes, as a SHA-256 digest. Build one with `KeyBuilder`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key([u8; 32]);

impl Key {
    pub fn hex(&self) -> String {
        hex(&self.0)
    }
}

/// Feeds the parts of a key in order. Each part is length-prefixed, so ("ab", "c") and ("a", "bc")
/// differ. Also a `std::hash::Hasher`, so a value that derives or implements `Hash` (the workbook's
/// cells) can be fed whole; `Hash` output may change with the Rust version, which only costs a full
/// build after an upgrade.
pub struct KeyBuilder(Sha256);

impl KeyBuilder {
    /// A key for one kind of product (`"pdf"`, `"updated-workbook"` …) of this version of styrdok.
    pub fn new(kind: &str) -> Self {
        let mut builder = KeyBuilder(Sha256::new());
        builder.part(env!("CARGO_PKG_VERSION").as_bytes());
        builder.part(kind.as_bytes());
        builder
    }

    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// A value through its `Hash` implementation.
    pub fn hashed<T: std::hash::Hash + ?Sized>(&mut self, value: &T) -> &mut Self {
        value.hash(self);
        self
    }

    pub fn finish(self) -> Key {
        Key(self.0.finalize().into())
    }
}

impl std::hash::Hasher for KeyBuilder {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// Unused: keys come from `KeyBuilder::finish`. `Hasher` requires it.
    fn finish(&self) -> u64 {
        0
    }
}

/// The digest of a file's bytes, as the record keeps it.
pub(crate) fn digest(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Product {
    key: String,
    /// Each file the product wrote, by its path relative to the output folder, with its digest.
    files: BTreeMap<String, String>,
}

/// The products of one build with their keys and files. Paths are relative to the output folder, so
/// the folder can be moved with its record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    products: BTreeMap<String, Product>,
}

impl Record {
    /// The record the last build left in `output`, or an empty one (a first build, a record from
    /// something else, or one that cannot be read: everything is then made).
    pub fn read(output: &Path) -> Record {
        std::fs::read(output.join(RECORD_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The files of `product` when it was made from `key` last time and every one of them is still
    /// on disk exactly as written; `None` when it must be made.
    pub fn kept(&self, output: &Path, product: &str, key: &Key) -> Option<Vec<PathBuf>> {
        let found = self.products.get(product)?;
        if found.key != key.hex() {
            return None;
        }
        found
            .files
            .iter()
            .map(|(relative, wanted)| {
                let path = output.join(relative);
                let bytes = std::fs::read(&path).ok()?;
                (digest(&bytes) == *wanted).then_some(path)
            })
            .collect()
    }

    /// The key (hex) `product` was last made from, whatever is on disk now.
    pub fn key(&self, product: &str) -> Option<&str> {
        self.products.get(product).map(|found| found.key.as_str())
    }

    /// Notes that `product` was kept: the next record has it as it was.
    pub fn keep(&mut self, from: &Record, product: &str) {
        if let Some(found) = from.products.get(product) {
            self.products.insert(product.to_string(), found.clone());
        }
    }

    /// Notes that `product` was made from `key` into `files` (path and digest of the bytes).
    pub fn made<'a>(
        &mut self,
        output: &Path,
        product: &str,
        key: &Key,
        files: impl IntoIterator<Item = (&'a Path, String)>,
    ) {
        let files = files
            .into_iter()
            .map(|(path, digest)| (relative(output, path), digest))
            .collect();
        self.products.insert(
            product.to_string(),
            Product {
                key: key.hex(),
                files,
            },
        );
    }

    /// The record as a file for the output folder, to be written with the files it describes.
    pub fn file(&self, output: &Path) -> OutputFile {
        OutputFile {
            path: output.join(RECORD_FILE),
            // Invariant: a map of strings always serialises.
            bytes: serde_json::to_vec_pretty(self).expect("a record serialises"),
        }
    }
}

/// One build's use of the record: the products it keeps and those it makes, with their files; at
/// the end, the record of the new output (`finish`).
pub struct Reuse {
    output: PathBuf,
    previous: Record,
    next: Record,
    /// The files kept, each with its product.
    kept: Vec<(String, PathBuf)>,
    making: BTreeMap<String, (Key, Vec<PathBuf>)>,
}

impl Reuse {
    /// Against the record of the last build into `output` (an empty one makes everything).
    pub fn new(output: &Path, previous: Record) -> Self {
        Reuse {
            output: output.to_path_buf(),
            previous,
            next: Record::default(),
            kept: Vec::new(),
            making: BTreeMap::new(),
        }
    }

    /// Whether `product`, which `key` decides, is on disk as the last build wrote it: then it is
    /// kept and `true`; otherwise it is to be made (its files named with `made`) and `false`.
    pub fn keep(&mut self, product: &str, key: Key) -> bool {
        match self.previous.kept(&self.output, product, &key) {
            Some(files) => {
                self.next.keep(&self.previous, product);
                self.kept
                    .extend(files.into_iter().map(|f| (product.to_string(), f)));
                true
            }
            None => {
                self.making.insert(product.to_string(), (key, Vec::new()));
                false
            }
        }
    }

    /// A file of `product`, being made.
    pub fn made(&mut self, product: &str, path: PathBuf) {
        if let Some((_, files)) = self.making.get_mut(product) {
            files.push(path);
        }
    }

    /// `product` is made every time (its making has something to say, such as warnings, that a
    /// kept copy would not say again).
    pub fn forget(&mut self, product: &str) {
        self.making.remove(product);
    }

    /// The record of the output once `staged` (every file made) is in place, and the files kept.
    pub fn finish(self, staged: &[StagedFile]) -> (Record, Vec<(String, PathBuf)>) {
        let Reuse {
            output,
            mut next,
            kept,
            making,
            ..
        } = self;
        let digests: BTreeMap<&Path, &str> =
            staged.iter().map(|f| (f.path(), f.digest())).collect();
        for (product, (key, paths)) in making {
            let files: Option<Vec<(&Path, String)>> = paths
                .iter()
                .map(|p| {
                    digests
                        .get(p.as_path())
                        .map(|d| (p.as_path(), d.to_string()))
                })
                .collect();
            if let Some(files) = files.filter(|f| !f.is_empty()) {
                next.made(&output, &product, &key, files);
            }
        }
        (next, kept)
    }
}

/// `path` relative to the output folder, with `/` on every platform (the record travels with it).
pub fn relative(output: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(output).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        let mut k = KeyBuilder::new("test");
        k.part(s.as_bytes());
        k.finish()
    }

    #[test]
    fn parts_are_delimited() {
        let mut a = KeyBuilder::new("x");
        a.part(b"ab").part(b"c");
        let mut b = KeyBuilder::new("x");
        b.part(b"a").part(b"bc");
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn a_product_is_kept_only_with_its_key_and_its_files_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let file = out.join("a/doc.pdf");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, b"pdf").unwrap();
        let mut record = Record::default();
        record.made(
            out,
            "a/doc.pdf",
            &key("1"),
            [(file.as_path(), digest(b"pdf"))],
        );

        assert_eq!(
            record.kept(out, "a/doc.pdf", &key("1")),
            Some(vec![file.clone()])
        );
        assert_eq!(record.kept(out, "a/doc.pdf", &key("2")), None, "other data");
        assert_eq!(record.kept(out, "other.pdf", &key("1")), None, "never made");
        std::fs::write(&file, b"edited").unwrap();
        assert_eq!(
            record.kept(out, "a/doc.pdf", &key("1")),
            None,
            "edited by hand"
        );
        std::fs::remove_file(&file).unwrap();
        assert_eq!(record.kept(out, "a/doc.pdf", &key("1")), None, "deleted");
    }

    #[test]
    fn the_record_survives_its_file_and_a_broken_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let mut record = Record::default();
        record.made(
            out,
            "x.pdf",
            &key("1"),
            [(out.join("x.pdf").as_path(), digest(b"x"))],
        );
        let file = record.file(out);
        std::fs::write(&file.path, &file.bytes).unwrap();
        assert_eq!(Record::read(out), record);
        std::fs::write(&file.path, b"{ not json").unwrap();
        assert_eq!(Record::read(out), Record::default());
    }
}
