//! Opening workbook files with calamine, defensively: a broken file is one clear error, never a panic.

use super::{Merged, Sheet, Value, Workbook};
use calamine::{Data, Reader, Sheets};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: filen eller mappen finns inte")]
    Missing { path: PathBuf },
    #[error("{path}: mappen innehåller ingen arbetsbok ({})", extension_list())]
    EmptyFolder { path: PathBuf },
    #[error("{path}: kunde inte läsas: {}", crate::diagnostics::system::reason(.source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: filen är tom (0 byte)")]
    EmptyFile { file: String },
    /// `detail` is in Swedish: what the file looks like, or what part of it is broken (the reader
    /// library's own words are English and name its internals).
    #[error("{file}: filen är inte en arbetsbok som går att läsa ({detail})")]
    NotAWorkbook { file: String, detail: String },
    #[error(
        "{file}: filen packas upp till {} MB, mer än en arbetsbok för styrdok rimligen är",
        crate::diagnostics::group_digits(u128::from(*.megabytes))
    )]
    TooLarge { file: String, megabytes: u64 },
    #[error("{file}: filen är lösenordsskyddad")]
    Encrypted { file: String },
    #[error("{file}: bladet {sheet} kunde inte läsas ({detail})")]
    BadSheet {
        file: String,
        sheet: String,
        detail: String,
    },
}

impl ReadError {
    /// What the user can do about it.
    pub fn fix(&self) -> &'static str {
        match self {
            ReadError::Missing { .. } => {
                "Kontrollera sökvägen: ange en arbetsbok eller en mapp med arbetsböcker."
            }
            ReadError::EmptyFolder { .. } => {
                "Lägg arbetsboken i mappen eller ange sökvägen till den."
            }
            ReadError::Io { .. } => {
                "Kontrollera att filen går att öppna och att du har behörighet att läsa den."
            }
            ReadError::NotAWorkbook { .. } | ReadError::BadSheet { .. } => {
                "Öppna filen i Excel eller LibreOffice och spara den som .xlsx, och försök igen."
            }
            ReadError::EmptyFile { .. } => {
                "Filen sparades kanske inte klart. Öppna originalet i Excel, spara det igen och försök igen."
            }
            ReadError::Encrypted { .. } => "Spara en kopia utan lösenord och läs in den.",
            ReadError::TooLarge { .. } => {
                "Öppna filen i Excel eller LibreOffice, ta bort det som inte hör till underlaget (bilder, tomma rader långt ned) och spara den igen."
            }
        }
    }
}

/// The file kinds read as workbooks (lower case, without the dot): the reader, the projects of a
/// folder, the Excel templates of `mallar/` and the watcher all go by this one list.
pub const WORKBOOK_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// `.xlsx, .xlsm, .xlsb, .xls eller .ods`, for messages.
pub fn extension_list() -> String {
    let dotted: Vec<String> = WORKBOOK_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect();
    match dotted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} eller {last}", rest.join(", ")),
        _ => dotted.concat(),
    }
}

/// Whether the file name ends in one of `WORKBOOK_EXTENSIONS` (any case); the file need not exist.
pub fn has_workbook_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WORKBOOK_EXTENSIONS.contains(&e.to_lowercase().as_str()))
}

/// Reads a workbook, or every workbook directly inside a folder (sorted by name, Excel lock files skipped).
pub fn load(path: &Path) -> Result<Workbook, Vec<ReadError>> {
    let files = workbook_files(path).map_err(|e| vec![e])?;
    let folder = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    };
    let mut book = Workbook {
        folder: Some(folder),
        ..Workbook::default()
    };
    let mut errors = Vec::new();
    for file in files {
        match read_file(&file) {
            Ok(sheets) => {
                book.files.push(file_label(&file));
                book.sheets.extend(sheets);
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(book)
    } else {
        Err(errors)
    }
}

fn workbook_files(path: &Path) -> Result<Vec<PathBuf>, ReadError> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        return Err(ReadError::Missing {
            path: path.to_path_buf(),
        });
    }
    let entries = std::fs::read_dir(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_workbook_file(p))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(ReadError::EmptyFolder {
            path: path.to_path_buf(),
        });
    }
    Ok(files)
}

/// A spreadsheet file by its name, leaving out Excel's lock files (`~$…`) and hidden files.
pub fn is_workbook_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    path.is_file()
        && !name.starts_with("~$")
        && !name.starts_with('.')
        && has_workbook_extension(path)
}

fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read_file(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let file = file_label(path);
    if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Err(ReadError::EmptyFile { file });
    }
    // calamine panics on some malformed input (fuzzing found one in its CFB reader for .xls); a bad
    // file must stay one clear error, without a panic message and backtrace on the user's terminal.
    let result = quiet_panics::catch(|| read_sheets(path, &file));
    match result {
        Ok(r) => r,
        Err(_) => Err(ReadError::NotAWorkbook {
            file,
            detail: "läsaren avbröt på ett oväntat innehåll".into(),
        }),
    }
}

/// Panics inside the reader are caught and turned into `NotAWorkbook`; their message must not reach
/// the terminal. The process-wide panic hook is replaced once, not per call: swapping it per call
/// races with other threads (tests run side by side in one binary) and could silence their panics
/// or restore the wrong hook. The hook installed here stays silent only on a thread that is inside
/// `catch`, and hands every other panic to the hook that was there before.
mod quiet_panics {
    use std::cell::Cell;
    use std::sync::Once;

    thread_local! {
        static INSIDE: Cell<bool> = const { Cell::new(false) };
    }

    pub(super) fn catch<T>(
        f: impl FnOnce() -> T + std::panic::UnwindSafe,
    ) -> std::thread::Result<T> {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if !INSIDE.with(Cell::get) {
                    previous(info);
                }
            }));
        });
        let outer = INSIDE.with(|inside| inside.replace(true));
        let result = std::panic::catch_unwind(f);
        INSIDE.with(|inside| inside.set(outer));
        result
    }

    /// Whether this thread is inside `catch` now (its panics are silent).
    #[cfg(test)]
    pub(super) fn inside() -> bool {
        INSIDE.with(Cell::get)
    }
}

/// Above this many unpacked bytes a "workbook" is a zip bomb or not an underlag at all; calamine
/// itself would inflate whatever the archive holds.
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// Refuses an .xlsx/.xlsm/.xlsb/.ods whose entries declare more than `MAX_UNPACKED` bytes. Declared
/// sizes can lie; a lying archive still fails calamine's CRC check, but only after inflating, so this
/// guards the common case (a real bomb declares its size) and nothing more.
fn check_unpacked_size(path: &Path, file: &str) -> Result<(), ReadError> {
    let Ok(handle) = std::fs::File::open(path) else {
        return Ok(()); // calamine reports the I/O error in its own words
    };
    let Ok(mut archive) = zip::ZipArchive::new(handle) else {
        return Ok(()); // not a zip: .xls, or not a workbook, which calamine reports
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(entry) = archive.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
    }
    if total > MAX_UNPACKED {
        return Err(ReadError::TooLarge {
            file: file.to_string(),
            megabytes: total / (1024 * 1024),
        });
    }
    Ok(())
}

/// calamine builds every sheet of an .xls as a dense range while opening the file; a cell claiming
/// an extreme position (fuzzing found one: 760 million cells, 24 GB) would exhaust memory before
/// styrdok could look. The cell records are read here first and the rectangle they span is bounded.
const MAX_XLS_CELLS: u64 = 20_000_000;

fn check_xls_extent(path: &Path, file: &str) -> Result<(), ReadError> {
    use std::io::Read;
    const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let mut magic = [0u8; 8];
    let is_compound = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && magic == CFB_MAGIC;
    if !is_compound {
        return Ok(()); // not a compound file: calamine reports it in its own words
    }
    // A compound file the strict reader rejects is damaged; calamine's lenient reader would go on
    // and can be led into allocating gigabytes, so it is refused here.
    let mut container = cfb::open(path).map_err(|_| ReadError::NotAWorkbook {
        file: file.to_string(),
        detail: "filens inre struktur är trasig".into(),
    })?;
    let mut stream = Vec::new();
    let opened = container
        .open_stream("/Workbook")
        .or_else(|_| container.open_stream("/Book"));
    let Ok(mut workbook) = opened else {
        return Ok(());
    };
    if workbook.read_to_end(&mut stream).is_err() {
        return Ok(());
    }
    // BIFF records: type (u16), length (u16), data. A BOF record starts each sheet's own extent.
    const BOF: u16 = 0x0809;
    const DIMENSIONS: u16 = 0x0200;
    const CELLS: [u16; 10] = [
        0x0006, 0x00BD, 0x00BE, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E,
    ];
    let u16_at = |i: usize| u16::from_le_bytes([stream[i], stream[i + 1]]);
    let (mut rows, mut cols) = ((u16::MAX, 0u16), (u16::MAX, 0u16));
    let mut largest: u64 = 0;
    let mut at = 0usize;
    while at + 4 <= stream.len() {
        let (kind, len) = (u16_at(at), u16_at(at + 2) as usize);
        let data = at + 4;
        if kind == BOF {
            rows = (u16::MAX, 0);
            cols = (u16::MAX, 0);
        } else if kind == DIMENSIONS {
            // calamine reserves the declared rectangle up front (fuzzing found one declaring
            // 2.8 × 10¹⁴ cells: the allocation aborts the process, which no catch_unwind survives).
            if let Some(extent) = declared_extent(stream.get(data..data + len).unwrap_or(&[])) {
                largest = largest.max(extent);
            }
        } else if CELLS.contains(&kind) && data + 4 <= stream.len() {
            let (row, col) = (u16_at(data), u16_at(data + 2));
            rows = (rows.0.min(row), rows.1.max(row));
            cols = (cols.0.min(col), cols.1.max(col));
            let extent = (u64::from(rows.1.saturating_sub(rows.0)) + 1)
                * (u64::from(cols.1.saturating_sub(cols.0)) + 1);
            largest = largest.max(extent);
        }
        at = data + len;
    }
    if largest > MAX_XLS_CELLS {
        // About 32 bytes a cell once calamine has built the range.
        return Err(ReadError::TooLarge {
            file: file.to_string(),
            megabytes: largest * 32 / (1024 * 1024),
        });
    }
    Ok(())
}

/// The number of cells a DIMENSIONS record makes calamine reserve, computed as calamine does
/// (`parse_dimensions` in its xls.rs, with u32 arithmetic that wraps): `None` when calamine would
/// refuse the record itself.
fn declared_extent(record: &[u8]) -> Option<u64> {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([record[i], record[i + 1]]));
    let u32_at =
        |i: usize| u32::from_le_bytes([record[i], record[i + 1], record[i + 2], record[i + 3]]);
    let (first_row, row_end, mut first_col, col_end) = match record.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return None,
    };
    if first_col > 0xFF || col_end < first_col {
        first_col = 0;
    }
    if row_end == 0 || col_end == 0 {
        return Some(1);
    }
    let rows = (row_end - 1).wrapping_sub(first_row).wrapping_add(1);
    let cols = (col_end - 1).wrapping_sub(first_col).wrapping_add(1);
    Some(u64::from(rows) * u64::from(cols))
}

fn read_sheets(path: &Path, file: &str) -> Result<Vec<Sheet>, ReadError> {
    check_unpacked_size(path, file)?;
    check_xls_extent(path, file)?;
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| open_error(path, file, e))?;
    let names = workbook.sheet_names().to_vec();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let bad_sheet = |detail: String| ReadError::BadSheet {
            file: file.to_string(),
            sheet: name.clone(),
            detail,
        };
        // Merged ranges only make reading quieter and are reported; a file whose list of them
        // cannot be read is read as before, without.
        let merged = match &mut workbook {
            Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let merged = Merged::new(merged.iter().map(|d| (d.start, d.end)).collect());
        let (origin, rows) = match &mut workbook {
            // Cell by cell: a dense range would allocate rows × columns, and one stray cell at
            // XFD1048576 would ask for billions of cells.
            Sheets::Xlsx(xlsx) => read_sparse(xlsx, &name)
                .map_err(|_| bad_sheet("innehållet är trasigt eller ofullständigt".into()))?,
            other => {
                let range = other
                    .worksheet_range(&name)
                    .map_err(|_| bad_sheet("innehållet är trasigt eller ofullständigt".into()))?;
                let origin = range.start().unwrap_or((0, 0));
                let rows = range
                    .rows()
                    .map(|row| row.iter().map(convert).collect())
                    .collect();
                (origin, rows)
            }
        };
        sheets.push(Sheet {
            file: file.to_string(),
            name,
            origin,
            rows,
            merged,
        });
    }
    Ok(sheets)
}

/// A sheet's used cells: the position of its first cell (row, column) and its rows from there.
type SparseCells = ((u32, u32), Vec<Vec<Value>>);

/// The used cells of an xlsx sheet as ragged rows: each row only as long as its last cell, so memory
/// follows the cells that exist, not the rectangle around them.
fn read_sparse<RS: std::io::Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<SparseCells, calamine::XlsxError> {
    let mut reader = xlsx.worksheet_cells_reader(name)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell_with_formula()? {
        let value = match convert(&Data::from(cell.value.clone())) {
            Value::Empty => match cell.formula {
                Some(formula) if !formula.is_empty() => Value::UncachedFormula(formula),
                _ => continue,
            },
            value => value,
        };
        cells.push((cell.pos, value));
    }
    let Some(top) = cells.iter().map(|((r, _), _)| *r).min() else {
        return Ok(((0, 0), Vec::new()));
    };
    let left = cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    let bottom = cells.iter().map(|((r, _), _)| *r).max().unwrap_or(top);
    let mut rows: Vec<Vec<Value>> = vec![Vec::new(); (bottom - top + 1) as usize];
    for ((r, c), value) in cells {
        let row = &mut rows[(r - top) as usize];
        let col = (c - left) as usize;
        if row.len() <= col {
            row.resize(col + 1, Value::Empty);
        }
        row[col] = value;
    }
    Ok(((top, left), rows))
}

fn open_error(path: &Path, file: &str, e: calamine::Error) -> ReadError {
    let file = file.to_string();
    match e {
        calamine::Error::Xlsx(calamine::XlsxError::Password) => ReadError::Encrypted { file },
        calamine::Error::Xls(calamine::XlsError::Password) => ReadError::Encrypted { file },
        calamine::Error::Io(source) if source.kind() != std::io::ErrorKind::InvalidData => {
            ReadError::Io {
                path: PathBuf::from(&file),
                source,
            }
        }
        _ => ReadError::NotAWorkbook {
            detail: looks_like(path),
            file,
        },
    }
}

/// What a file the reader could not open looks like, from its first bytes, in words a user knows.
fn looks_like(path: &Path) -> String {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(512).read_to_end(&mut head));
    if read.is_err() {
        return "den gick inte att läsa".into();
    }
    let text = String::from_utf8_lossy(&head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let kind = if head.starts_with(b"PK\x03\x04") {
        "en trasig eller ofullständigt sparad arbetsbok"
    } else if head.starts_with(b"%PDF") {
        "en PDF-fil"
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "ett äldre Office-dokument som inte är en arbetsbok"
    } else if text.starts_with('<') {
        "en webbsida eller XML-fil"
    } else if std::str::from_utf8(&head).is_ok() && !head.contains(&0) {
        "en textfil, kanske CSV"
    } else {
        "något annat än en arbetsbok"
    };
    format!("den ser ut att vara {kind}")
}

fn convert(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => dt
            .as_datetime()
            .map_or(Value::Number(dt.as_f64()), |d| Value::Date(d.date())),
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
            .map_or_else(|_| Value::Text(s.clone()), Value::Date),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_reader_is_caught_and_the_thread_is_loud_again() {
        let caught = quiet_panics::catch(|| {
            assert!(quiet_panics::inside());
            let nested = quiet_panics::catch(|| panic!("inner"));
            assert!(nested.is_err());
            // Leaving a nested catch keeps the outer one silent.
            assert!(quiet_panics::inside());
            panic!("outer")
        });
        assert!(caught.is_err());
        assert!(!quiet_panics::inside());
        assert_eq!(quiet_panics::catch(|| 7).ok(), Some(7));
    }

    #[test]
    fn the_extensions_in_the_message() {
        assert_eq!(extension_list(), ".xlsx, .xlsm, .xlsb, .xls eller .ods");
        assert!(has_workbook_extension(Path::new("a/B.XLSB")));
        assert!(!has_workbook_extension(Path::new("a/b.typ")));
    }
}
