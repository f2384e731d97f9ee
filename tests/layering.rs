//! The pipeline reads one way: a top-level module of `src/` only imports from the modules below it.
//! The layers are read from the picture in ARCHITECTURE.md ("## The pipeline"), the imports from the
//! source, so a new `use` that breaks the picture, or a picture that no longer matches `src/`, fails
//! here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and its layer, from the picture in ARCHITECTURE.md: a line ` layer N   name`
/// starts a layer, and a further name in the same column below it is a sibling on that layer
/// (siblings do not import each other).
fn layers(architecture: &str) -> BTreeMap<String, u32> {
    let section = architecture
        .split("\n## ")
        .find(|s| s.starts_with("The pipeline"))
        .expect("ARCHITECTURE.md has a section «## The pipeline»");
    let picture = section
        .split("```")
        .nth(1)
        .expect("the section «The pipeline» draws the layers in a ``` block");
    let mut layers = BTreeMap::new();
    let (mut current, mut column) = (None, None);
    for line in picture.lines() {
        let chars: Vec<char> = line.chars().collect();
        let word_at = |at: usize| -> String {
            chars[at.min(chars.len())..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase() || **c == '_')
                .collect()
        };
        let text: String = chars.iter().collect();
        if let Some(rest) = text.trim_start().strip_prefix("layer ") {
            let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
            current = Some(number.parse::<u32>().expect("a layer number"));
            let after = text.find("layer ").unwrap() + "layer ".len() + number.len();
            let at = text[after..].chars().take_while(|c| *c == ' ').count()
                + text[..after].chars().count();
            column = Some(at);
            layers.insert(word_at(at), current.unwrap());
        } else if let (Some(layer), Some(at)) = (current, column) {
            let before_blank = chars.len() > at && chars[..at].iter().all(|c| *c == ' ');
            let name = word_at(at);
            if before_blank && !name.is_empty() {
                layers.insert(name, layer);
            }
        }
    }
    layers
}

fn architecture_layers() -> BTreeMap<String, u32> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md");
    layers(&std::fs::read_to_string(path).unwrap())
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/model/load.rs` → `model::load`, `src/xlsx/fill/mod.rs` →
/// `xlsx::fill`, `src/cli.rs` → `cli`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let mut path: Vec<String> = file
        .strip_prefix(src)
        .unwrap()
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if path.last().is_some_and(|l| l == "mod") {
        path.pop();
    }
    path
}

/// The source with comments, string and character literals blanked out (kept as spaces, so positions
/// and line structure stay): a path inside them is no import.
fn code_only(source: &str) -> Vec<char> {
    let s: Vec<char> = source.chars().collect();
    let mut out = s.clone();
    let mut i = 0;
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for c in &mut out[from..to.min(s.len())] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    while i < s.len() {
        let next = s.get(i + 1).copied();
        let end = if s[i] == '/' && next == Some('/') {
            (i..s.len()).find(|&j| s[j] == '\n').unwrap_or(s.len())
        } else if s[i] == '/' && next == Some('*') {
            (i + 2..s.len())
                .find(|&j| s[j] == '*' && s.get(j + 1) == Some(&'/'))
                .map_or(s.len(), |j| j + 2)
        } else if s[i] == 'r'
            && (next == Some('"') || next == Some('#'))
            && (i == 0 || !is_ident(s[i - 1]))
        {
            // A raw string: r"…", r#"…"#, …
            let hashes = s[i + 1..].iter().take_while(|c| **c == '#').count();
            if s.get(i + 1 + hashes) != Some(&'"') {
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            (i + 2 + hashes..s.len())
                .find(|&j| s[j..].starts_with(&close))
                .map_or(s.len(), |j| j + close.len())
        } else if s[i] == '"' {
            let mut j = i + 1;
            while j < s.len() && s[j] != '"' {
                j += if s[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if s[i] == '\'' {
            // A character literal ('x', '\n', '\u{..}'); otherwise a lifetime, left as it is.
            match (next, s.get(i + 2)) {
                (Some('\\'), _) => (i + 2..s.len())
                    .find(|&j| s[j] == '\'')
                    .map_or(s.len(), |j| j + 1),
                (Some(_), Some('\'')) => i + 3,
                _ => i + 1,
            }
        } else {
            i += 1;
            continue;
        };
        blank(&mut out, i, end);
        i = end.max(i + 1);
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// How many inline modules (`mod tests { … }`) enclose each position: `super` inside one starts
/// from it, not from the file's module.
fn inline_modules(code: &[char]) -> Vec<usize> {
    let mut depth = 0usize;
    let mut open: Vec<usize> = Vec::new();
    let mut pending = None;
    let mut enclosing = vec![0; code.len()];
    for i in 0..code.len() {
        let keyword = code[i..].starts_with(&['m', 'o', 'd'])
            && (i == 0 || !is_ident(code[i - 1]))
            && code.get(i + 3).is_some_and(|c| c.is_whitespace());
        if keyword {
            let mut j = i + 3;
            while code.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            while code.get(j).is_some_and(|c| is_ident(*c)) {
                j += 1;
            }
            while code.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            if code.get(j) == Some(&'{') {
                pending = Some(j);
            }
        }
        match code[i] {
            '{' => {
                depth += 1;
                if pending == Some(i) {
                    open.push(depth);
                    pending = None;
                }
            }
            '}' => {
                if open.last() == Some(&depth) {
                    open.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        enclosing[i] = open.len();
    }
    enclosing
}

/// The paths of one use tree from `at`, each as its segments: `a::{b::{c, d}, e as f}` → `a::b::c`,
/// `a::b::d`, `a::e`.
fn use_tree(code: &[char], at: &mut usize) -> Vec<Vec<String>> {
    let skip_space = |at: &mut usize| {
        while code.get(*at).is_some_and(|c| c.is_whitespace()) {
            *at += 1;
        }
    };
    let mut prefix: Vec<String> = Vec::new();
    loop {
        skip_space(at);
        match code.get(*at) {
            Some('{') => {
                *at += 1;
                let mut paths = Vec::new();
                loop {
                    skip_space(at);
                    if matches!(code.get(*at), Some('}') | None) {
                        *at += 1;
                        return paths;
                    }
                    for path in use_tree(code, at) {
                        paths.push(prefix.iter().cloned().chain(path).collect());
                    }
                    // Past a rename (`x as y`) to the next member.
                    while code.get(*at).is_some_and(|c| *c != ',' && *c != '}') {
                        *at += 1;
                    }
                    if code.get(*at) == Some(&',') {
                        *at += 1;
                    }
                }
            }
            Some('*') => {
                *at += 1;
                return vec![prefix];
            }
            _ => {}
        }
        let start = *at;
        while code.get(*at).is_some_and(|c| is_ident(*c)) {
            *at += 1;
        }
        if *at == start {
            return vec![prefix];
        }
        prefix.push(code[start..*at].iter().collect());
        skip_space(at);
        if code[*at..].starts_with(&[':', ':']) {
            *at += 2;
        } else {
            return vec![prefix];
        }
    }
}

/// The top-level modules that source in the module at `module` (its path from the crate root)
/// names: through `crate::`, and through `super::` chains that climb out of the top-level module,
/// including grouped and nested imports (`use crate::{a::{b}, c}`). Comments and strings are skipped.
fn crate_references(module: &[&str], source: &str) -> BTreeSet<String> {
    let code = code_only(source);
    let inline = inline_modules(&code);
    let mut found = BTreeSet::new();
    for i in 0..code.len() {
        let starts_path = (code[i..].starts_with(&['c', 'r', 'a', 't', 'e', ':', ':'])
            || code[i..].starts_with(&['s', 'u', 'p', 'e', 'r', ':', ':']))
            && (i == 0 || !(is_ident(code[i - 1]) || code[i - 1] == ':'));
        if !starts_path {
            continue;
        }
        let mut at = i;
        for path in use_tree(&code, &mut at) {
            let mut segments = path.iter().map(String::as_str).peekable();
            let mut absolute: Vec<&str> = if segments.peek() == Some(&"crate") {
                segments.next();
                Vec::new()
            } else {
                // Inline modules are deeper than the file; their names do not matter here.
                let mut base = module.to_vec();
                base.extend(std::iter::repeat_n("(inline)", inline[i]));
                base
            };
            while segments.peek() == Some(&"super") {
                segments.next();
                absolute.pop();
            }
            absolute.extend(segments);
            if let Some(top) = absolute.first().filter(|t| **t != "self") {
                found.insert(top.to_string());
            }
        }
    }
    found
}

fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let path = module_path(&src, &file);
        let module = path[0].clone();
        if module == "main" || module == "lib" {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        let deps = graph.entry(module.clone()).or_default();
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        for target in crate_references(&path, &source) {
            if target != module {
                deps.insert(target);
            }
        }
    }
    graph
}

/// A cycle in the graph, as the path that closes it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_import_each_other_without_a_cycle() {
    let graph = import_graph();
    assert!(
        graph.contains_key("workbook") && graph.contains_key("model"),
        "the source tree was not found: {graph:?}"
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between modules: {}", cycle.join(" → "));
    }
}

#[test]
fn every_import_points_down_the_pipeline() {
    let layer = architecture_layers();
    let graph = import_graph();
    let mut wrong = Vec::new();
    for module in layer.keys().filter(|m| !graph.contains_key(*m)) {
        wrong.push(format!(
            "ARCHITECTURE.md draws {module}, which src/ does not have"
        ));
    }
    for (module, deps) in graph {
        let Some(&own) = layer.get(&module) else {
            wrong.push(format!(
                "src/{module} has no layer: draw it in ARCHITECTURE.md's picture"
            ));
            continue;
        };
        for dep in deps {
            match layer.get(&dep) {
                Some(&l) if l < own => {}
                _ => wrong.push(format!("{module} imports {dep}")),
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the pipeline: {wrong:#?}");
}

#[test]
fn the_layers_are_read_from_the_picture() {
    let picture = "# A\n\n## The pipeline\n\n```\n layer 0   base          words, more words\n              ↑          (a continuation line)\n layer 1   middle        text\n           sibling       text naming model and other words\n              ↑          Mandate, with cell-level problems\n layer 2   top           text\n                         Swedish; `main.rs` …\n```\n\n| stage | where |\n";
    assert_eq!(
        layers(picture).into_iter().collect::<Vec<_>>(),
        [
            ("base".to_string(), 0),
            ("middle".to_string(), 1),
            ("sibling".to_string(), 1),
            ("top".to_string(), 2)
        ]
    );
    let real = architecture_layers();
    assert_eq!(real.get("diagnostics"), Some(&0));
    assert_eq!(real.get("cli"), real.values().max());
}

/// What the reader of imports sees in a few lines of source, from the module at `module`.
fn refs(module: &str, source: &str) -> Vec<String> {
    let path: Vec<&str> = module.split("::").collect();
    crate_references(&path, source).into_iter().collect()
}

#[test]
fn the_reader_of_imports_sees_grouped_nested_and_relative_paths() {
    // Grouped, nested, renamed and glob imports; a path in an expression.
    assert_eq!(
        refs(
            "x",
            "use crate::{model::{Amount, text::{self, Block}}, workbook as w, render::*};\nlet y = crate::checks::check(z);"
        ),
        ["checks", "model", "render", "workbook"]
    );
    // A nested group names only its own top-level module, not the names inside it.
    assert_eq!(refs("x", "use crate::{a::{b, c}, d};"), ["a", "d"]);
    // `super::super::…` climbing out of the top-level module names the module it lands in.
    assert_eq!(refs("x::y", "use super::super::w::thing;"), ["w"]);
    assert_eq!(refs("x::y::z", "use super::super::super::w;"), ["w"]);
    assert_eq!(refs("x::y", "use super::{super::v, sibling};"), ["v", "x"]);
    // …but not when it stays inside (the module itself is no dependency of its own).
    assert_eq!(refs("x::y::z", "use super::super::w;"), ["x"]);
    // Inside an inline module, `super` starts one level deeper.
    assert_eq!(
        refs("x::y", "mod tests {\n    use super::super::q;\n}"),
        ["x"]
    );
    assert_eq!(
        refs(
            "x::y",
            "mod tests {\n    use super::super::super::q;\n}\nuse super::super::p;"
        ),
        ["p", "q"]
    );
    // Comments, strings and visibility are no imports.
    assert_eq!(
        refs(
            "x",
            "// use crate::cli;\nlet s = \"crate::commands\"; /* crate::a */ let r = r#\"crate::b\"#;\npub(crate) fn f() {} pub(super) fn g<'a>(c: char) -> bool { c == '{' }"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_cycle_is_found() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
}
