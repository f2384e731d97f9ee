//! Generates the benchmark's workbooks (valid input contract, no warnings):
//!
//! `cargo run --release --example make_bench_input -- DIR INSATSER MOTTAGARE [OMRÅDEN]`
//!
//! writes `DIR/bench.xlsx` with OMRÅDEN insatsområden (20 unless given), INSATSER insatser spread
//! over them and over MOTTAGARE responsible organisations ("Kommun 001" …), each area's budget
//! exactly its insatser's sum. The national workbook: 5800 insatser, 290 mottagare, 4 områden.
//! With `--en-andring` last, the first insats's Förbrukat is 1 000 kr higher: the same workbook after
//! one edit, for the benchmark of a rebuild.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use std::path::PathBuf;

const DEFAULT_AREAS: usize = 20;

fn main() -> Result<(), XlsxError> {
    let mut args: Vec<String> = std::env::args().collect();
    let one_edit = args.last().is_some_and(|a| a == "--en-andring");
    if one_edit {
        args.pop();
    }
    if args.len() != 4 && args.len() != 5 {
        eprintln!("användning: make_bench_input MAPP INSATSER MOTTAGARE [OMRÅDEN] [--en-andring]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[1]);
    let count: usize = args[2].parse().expect("INSATSER är ett heltal");
    let recipients: usize = args[3].parse().expect("MOTTAGARE är ett heltal");
    let area_count: usize = match args.get(4) {
        Some(a) => a.parse().expect("OMRÅDEN är ett heltal"),
        None => DEFAULT_AREAS,
    };
    std::fs::create_dir_all(&dir).expect("mappen kan skapas");

    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 9, 29)?;
    workbook.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let date = Format::new().set_num_format("yyyy-mm-dd");

    let info = workbook.add_worksheet().set_name("Uppgifter")?;
    info.write_row(0, 0, ["Fält", "Värde"])?;
    info.write_row(1, 0, ["Titel", "Benchmark-överenskommelse"])?;
    info.write_string(2, 0, "År")?;
    info.write_number(2, 1, 2025)?;
    info.write_row(3, 0, ["Organisation", "RSS Benchmark"])?;
    info.write_string(4, 0, "Datum")?;
    info.write_datetime_with_format(4, 1, &created, &date)?;
    info.write_row(5, 0, ["Mottagare", "Välfärdsrådet"])?;

    // Amounts vary a little per insats so tables are not all alike.
    let amount = |i: usize| 100_000 + (i * 7_919 % 50) as u64 * 10_000;
    // Organisations cycle fastest, so every organisation has insatser in every area (the hardest case
    // for a summary: each area lists all of them).
    let area_of = |i: usize| (i / recipients.max(1)) % area_count;
    let mut budgets = vec![0u64; area_count];
    for i in 0..count {
        budgets[area_of(i)] += amount(i);
    }

    let areas = workbook.add_worksheet().set_name("Insatsområden")?;
    areas.write_row(0, 0, ["Kod", "Namn", "Budget", "Beskrivning"])?;
    for (a, budget) in budgets.iter().enumerate() {
        let row = a as u32 + 1;
        areas.write_string(row, 0, (a + 1).to_string())?;
        areas.write_string(
            row,
            1,
            format!(
                "Insatsområde {} för psykisk hälsa och suicidprevention",
                a + 1
            ),
        )?;
        areas.write_number(row, 2, *budget as f64)?;
        areas.write_string(
            row,
            3,
            "• Stärka samverkan mellan region och kommuner\n• Följa upp insatserna",
        )?;
    }

    let sheet = workbook.add_worksheet().set_name("Insatser")?;
    sheet.write_row(
        0,
        0,
        [
            "Område",
            "Insats",
            "Beskrivning",
            "Typ",
            "Belopp",
            "Status",
            "Ansvarig",
            "Projekt",
            "Rekvirerat",
            "Förbrukat",
            "Bedömning",
            "Kommentar",
        ],
    )?;
    for i in 0..count {
        let row = i as u32 + 1;
        let a = amount(i);
        sheet.write_string(row, 0, (area_of(i) + 1).to_string())?;
        sheet.write_string(
            row,
            1,
            format!("Insats {} – utvecklingsarbete i samverkan", i + 1),
        )?;
        sheet.write_string(
            row,
            2,
            "Insatsen stärker det lokala arbetet med psykisk hälsa genom utbildning, nätverk och \
             uppföljning tillsammans med brukarorganisationerna.",
        )?;
        sheet.write_string(
            row,
            3,
            if i % 3 == 0 {
                "Ny"
            } else {
                "Pågående/fortsättning"
            },
        )?;
        sheet.write_number(row, 4, a as f64)?;
        sheet.write_string(row, 5, "Pågår enligt plan.")?;
        sheet.write_string(row, 6, format!("Kommun {:03}", i % recipients + 1))?;
        sheet.write_string(row, 7, format!("Proj {}", 4000 + i % 500))?;
        sheet.write_number(row, 8, a as f64)?;
        let edit = if one_edit && i == 0 { 1_000 } else { 0 };
        sheet.write_number(row, 9, (a * 3 / 4 + edit) as f64)?;
        // As a national workbook in October: 88 % Grön, 5 % Gul, 2 % Röd, 5 % not assessed yet.
        let assessment = match i % 100 {
            0..88 => "Grön",
            88..93 => "Gul",
            93..95 => "Röd",
            _ => "",
        };
        if !assessment.is_empty() {
            sheet.write_string(row, 10, assessment)?;
        }
        sheet.write_string(row, 11, "Arbetet går enligt plan.")?;
    }
    workbook.save(dir.join("bench.xlsx"))?;
    Ok(())
}
