//! Sets dumped documents one after another in one engine and prints the time per document, the
//! way a build renders them but without reading, checking or writing: the figure to profile when a
//! template gets slower or faster (README, "Var tiden går").
//!
//!   styrdok build BOOK --per-mottagare --dump-data DUMP
//!   cargo run --release --example profile_documents -- DUMP/mottagare recipient.typ [N [MALLMAPP]]
//!
//! Under `valgrind --tool=callgrind` (N of 11 and 1, subtracted) it gives instructions per document.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(folder), Some(template)) = (args.get(1), args.get(2)) else {
        eprintln!("användning: profile_documents MAPP MALL [ANTAL [MALLMAPP]]");
        std::process::exit(2);
    };
    let limit: usize = args
        .get(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the folder of dumped data")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let data: Vec<Vec<u8>> = files
        .iter()
        .take(limit)
        .map(|f| std::fs::read(f).expect("a dumped document"))
        .collect();
    // A folder of exported, edited templates (`styrdok templates export`) to compare with the built-in ones.
    let engine = match args.get(4) {
        None => styrdok::render::Engine::new(),
        Some(dir) => styrdok::render::Engine::with_templates(
            styrdok::render::templates::TemplateFiles::from_folder(std::path::Path::new(dir))
                .expect("a folder of templates"),
        ),
    };
    let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a valid date");
    let started = Instant::now();
    for (n, d) in data.iter().enumerate() {
        engine
            .pdf(template, d, date, "profile")
            .unwrap_or_else(|e| panic!("{}: {e}", files[n].display()));
        // As a build does between batches (render::jobs).
        if n % 8 == 7 {
            typst::comemo::evict(2);
        }
    }
    let total = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{} dokument: {:.1} ms per dokument",
        data.len(),
        total / data.len().max(1) as f64
    );
}
