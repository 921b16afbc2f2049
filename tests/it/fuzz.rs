//! Mutated session files: loading never panics, and every error names line and column.
//!
//! CI runs a few hundred cases; `CONVENE_FUZZ_CASES=100000 cargo test --release --test it fuzz`
//! runs a hundred thousand.

use convene::store::{StoreError, load_path};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::Path;

/// One way to damage a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
    Truncate(usize),
    Token(usize, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let tokens = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "Some(",
        "None",
        "-1",
        "99999999999999999999",
        "format: 2",
        "format: 0",
        "id: \"../x\"",
        "r#\"",
        "\u{1b}]0;x\u{7}",
        "\0",
        "é",
        "🌱",
        "//",
        "/*",
        "#![enable(implicit_some)]",
        "Strength(",
        "true",
        "1e400",
        "builds_on: [1,1,1]",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), tokens).prop_map(|(at, t)| Mutation::Token(at, t)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(at, b) => {
            if let Some(x) = bytes.get_mut(at % len) {
                *x ^= b | 1;
            }
        }
        Mutation::Delete(at, n) => {
            let start = at % len;
            let end = (start + n).min(bytes.len());
            bytes.drain(start.min(end)..end);
        }
        Mutation::Insert(at, b) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Duplicate(at, n) => {
            let start = at % len;
            let end = (start + n).min(bytes.len());
            let copy: Vec<u8> = bytes[start.min(end)..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Truncate(at) => bytes.truncate(at % len),
        Mutation::Token(at, t) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, t.bytes());
        }
    }
}

#[test]
fn mutated_session_files_never_panic_and_every_error_has_line_and_column() {
    let cases = std::env::var("CONVENE_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(300);
    let examples: Vec<Vec<u8>> = ["k7q2m9xa.ron", "p3f8h2kd.ron"]
        .iter()
        .map(|name| {
            std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("sessions")
                    .join(name),
            )
            .expect("example")
        })
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("fuzz1.ron");
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0usize..2, prop::collection::vec(mutation(), 1..5));
    let (errors, loaded) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let result = runner.run(&strategy, |(which, mutations)| {
        let mut bytes = examples[which].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        std::fs::write(&file, &bytes).expect("write");
        match load_path(&file) {
            Ok(_) => loaded.set(loaded.get() + 1),
            Err(StoreError::Parse { line, col, .. }) => {
                errors.set(errors.get() + 1);
                prop_assert!(line >= 1 && col >= 1);
            }
            Err(other) => prop_assert!(false, "an error without line and column: {other}"),
        }
        Ok(())
    });
    println!(
        "fuzz cases: {cases}, loaded: {}, errors with line:col: {}",
        loaded.get(),
        errors.get()
    );
    result.expect("no case panicked or lacked a place");
}
