//! Who an export is for: `--for`, and the family's copy of a conference.

use crate::cli::{convene, examples_copy, stderr};

#[test]
fn a_family_copy_of_a_workshop_is_a_usage_error_and_writes_nothing() {
    let copy = examples_copy();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let target = out_dir.path().join("family.md");
    let out = convene(
        copy.path(),
        &[
            "export",
            "k7q2m9xa",
            "--for",
            "family",
            "-o",
            target.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!target.exists(), "nothing is written");
    assert!(out.stdout.is_empty());
    let said = stderr(&out);
    assert!(
        said.contains(
            "The family's copy is written for a conference, and this session is a workshop"
        ),
        "{said}"
    );
    assert!(
        said.contains("--for professionals or --for partnership"),
        "{said}"
    );

    // A conference has no partnership summary.
    let out = convene(copy.path(), &["export", "p3f8h2kd", "--for", "partnership"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("--for family or --for professionals"));
}
