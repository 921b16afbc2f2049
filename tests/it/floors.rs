//! The floors of ARCHITECTURE.md checked on the source text: `model` imports nothing of the
//! crate, a module imports only from floors below its own, and no file is written outside
//! `store::atomic`. Test code (`#[cfg(test)]` items, `tests.rs` files) is left out: tests
//! may write what they like.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The floors, lowest first. A module may import only from floors below its own (so no two
/// modules on one floor know each other, and there is no cycle). A new module takes a
/// place here, or this test fails.
const FLOORS: &[&[&str]] = &[
    // Nothing of the crate: the record, and the plain helpers.
    &["model", "text", "plain", "clock", "theme", "lens"],
    // What is read and kept, and how a record is described.
    &[
        "framework",
        "config",
        "store",
        "describe",
        "import",
        "generate",
    ],
    &["export", "watch", "context"],
    &["report", "returns"],
    &["week"],
    // The app's state and `update`.
    &["app"],
    // What performs effects and what draws.
    &["effects", "ui"],
    // The terminal loop.
    &["tui"],
    // The command line, on top of everything.
    &["cli"],
];

/// Where a file may be written other than through `store::atomic`, and why.
const WRITES_ALLOWED: &[(&str, &str)] = &[
    ("src/store/atomic.rs", "the one way a file is written"),
    (
        "src/store/lock.rs",
        "the lock file: opened to be locked, never holds words",
    ),
    (
        "src/tui/input.rs",
        "/dev/null, to quiet a terminal that has gone",
    ),
    (
        "src/generate.rs",
        "dev-tools: fictional sessions for tests and benches",
    ),
    ("src/cli/generate.rs", "dev-tools"),
    ("src/cli/stress.rs", "dev-tools: the kill test's saver"),
];

/// What writes or makes a file when it appears in code.
const WRITING: &[&str] = &[
    "fs::write(",
    "File::create(",
    "File::create_new(",
    "hard_link(",
    "fs::rename(",
    "fs::copy(",
    ".persist(",
    "persist_noclobber(",
    "NamedTempFile",
    "tempfile::Builder",
    ".write(true)",
    ".append(true)",
    ".create(true)",
    ".create_new(true)",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/` but `main.rs` and `lib.rs` (the roots, above every floor), as
/// ("src/…" path, its code without test items).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    files.sort();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    files
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&p).expect("read a source file");
            (name, text)
        })
        .filter(|(name, _)| {
            name != "src/main.rs"
                && name != "src/lib.rs"
                && !name.ends_with("/tests.rs")
                && !name.contains("/tests/")
        })
        .map(|(name, text)| {
            let code = without_tests(&text);
            (name, code)
        })
        .collect()
}

/// The text without the items marked `#[cfg(test)]` or `#[cfg(all(test, …))]` (a `mod x;` line, or a braced item up
/// to its closing brace, braces in strings and character literals not counted).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = test_attribute(rest) {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let line_end = item.find('\n').map_or(item.len(), |i| i + 1);
        let next = &item[line_end..];
        let next_line = next.lines().next().unwrap_or("");
        if next_line.trim_end().ends_with(';') {
            rest = &next[next_line.len().min(next.len())..];
            continue;
        }
        rest = &next[braced_end(next)..];
    }
    out.push_str(rest);
    out
}

/// Where the next `#[cfg(test)]` or `#[cfg(all(test, …))]` starts.
fn test_attribute(text: &str) -> Option<usize> {
    text.match_indices("#[cfg(").map(|(at, _)| at).find(|&at| {
        let line = text[at..].lines().next().unwrap_or("");
        line.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "test")
            && !line.contains("not(test")
    })
}

/// Where the first braced block in `text` ends (just after its closing brace).
fn braced_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut i, mut opened) = (0usize, 0usize, false);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A string (raw strings here hold no unbalanced quote in this crate).
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'\'' if i + 2 < bytes.len() && bytes[i + 2] == b'\'' => i += 2,
            b'\'' if i + 3 < bytes.len() && bytes[i + 1] == b'\\' && bytes[i + 3] == b'\'' => {
                i += 3
            }
            b'{' => {
                depth += 1;
                opened = true;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if opened && depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// The crate module a file belongs to: `src/app/keys.rs` and `src/app.rs` are `app`.
fn module_of(file: &str) -> String {
    let inner = file.trim_start_matches("src/");
    let first = inner.split('/').next().unwrap_or(inner);
    first.trim_end_matches(".rs").to_owned()
}

/// The crate modules a file names through `crate::` (paths and `use crate::{a, b}`);
/// macros exported at the crate's root (`crate::outln!`) count as `text`'s.
fn imports(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with('$') {
            continue;
        }
        let after = &code[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let end = braced_end(&format!("{{{group}")).saturating_sub(2);
            let mut depth = 0;
            let mut current = String::new();
            let mut names = Vec::new();
            for c in group[..end.min(group.len())].chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => names.push(std::mem::take(&mut current)),
                    c => current.push(c),
                }
            }
            names.push(current);
            for name in names {
                let head: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !head.is_empty() {
                    found.push(head);
                }
            }
        } else {
            let head: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(head);
        }
    }
    found
        .into_iter()
        .map(|m| match m.as_str() {
            "outln" | "out" | "errln" => "text".to_owned(),
            _ => m,
        })
        .collect()
}

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|floor| floor.contains(&module))
}

/// Which file imports which module, for every file of `src/`.
fn import_lines() -> BTreeMap<String, Vec<String>> {
    sources()
        .into_iter()
        .map(|(file, code)| (file, imports(&code)))
        .collect()
}

#[test]
fn model_imports_nothing_of_the_crate() {
    let mut wrong = Vec::new();
    for (file, names) in import_lines() {
        if module_of(&file) != "model" {
            continue;
        }
        for name in names.iter().filter(|n| *n != "model") {
            wrong.push(format!("{file} imports crate::{name}"));
        }
    }
    assert!(wrong.is_empty(), "model reaches up:\n{}", wrong.join("\n"));
}

#[test]
fn a_module_imports_only_from_floors_below_its_own() {
    let mut wrong = Vec::new();
    for (file, names) in import_lines() {
        let module = module_of(&file);
        let Some(own) = floor_of(&module) else {
            wrong.push(format!(
                "{file}: the module `{module}` has no floor in tests/it/floors.rs"
            ));
            continue;
        };
        for name in names.iter().filter(|n| **n != module) {
            match floor_of(name) {
                Some(floor) if floor < own => {}
                Some(floor) => wrong.push(format!(
                    "{file}: `{module}` (floor {own}) imports `{name}` (floor {floor})"
                )),
                None => wrong.push(format!("{file}: imports `{name}`, which has no floor")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_module_of_the_crate_has_a_floor() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("lib.rs");
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    assert!(modules.len() > 10, "lib.rs lists its modules: {modules:?}");
    let missing: Vec<_> = modules.iter().filter(|m| floor_of(m).is_none()).collect();
    assert!(missing.is_empty(), "modules with no floor: {missing:?}");
}

#[test]
fn no_file_is_written_outside_store_atomic() {
    let mut wrong = Vec::new();
    for (file, code) in sources() {
        if WRITES_ALLOWED.iter().any(|(allowed, _)| *allowed == file) {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            let code_part = line.split("//").next().unwrap_or("");
            if let Some(how) = WRITING.iter().find(|w| code_part.contains(*w)) {
                wrong.push(format!(
                    "{file}: `{how}` (line {} of the code without its tests): {}",
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "files written outside store::atomic (use store::atomic_create or atomic_write):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checks_see_what_they_look_for() {
    // The scanner itself, on known text: a test that cannot fail is worth nothing.
    assert_eq!(
        imports("use crate::{app::{self, App}, cli::Context};\nlet x = crate::text::clean(y);"),
        ["app", "cli", "text"]
    );
    assert_eq!(
        imports("$crate::text::print_out(x); crate::outln!(\"{x}\")"),
        ["text"]
    );
    let code = without_tests(
        "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn b() { let s = \"}\"; }\n}\nfn c() {}\n",
    );
    assert_eq!(code, "fn a() {}\n\nfn c() {}\n");
    let code = without_tests("#[cfg(all(test, unix))]\nmod tests {}\n#[cfg(not(test))]\nfn d() {}");
    assert_eq!(code, "\n#[cfg(not(test))]\nfn d() {}");
    assert_eq!(module_of("src/app/keys.rs"), "app");
    assert_eq!(module_of("src/app.rs"), "app");
}
