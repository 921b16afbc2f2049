//! How people are named in words: possessives and plurals that read with an age in the
//! name, and whether some words name a given person.

/// A name with what belongs to them, reading with an age written in the name: "Kai's
/// wishes", "Tyler's wishes (13)", "J.'s wishes (age 11)" (never "Tyler (13)'s"); for
/// several people, "the wishes of Tyler (9) and Mia (6)".
pub fn possessive(name: &str, thing: &str) -> String {
    let name = name.trim();
    if names_several(name) {
        return format!("the {thing} of {name}");
    }
    match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((who, age)) if !who.trim().is_empty() => {
            format!("{}'s {thing} ({age})", who.trim_end())
        }
        _ => format!("{name}'s {thing}"),
    }
}

/// Whether a name names more than one person ("Tyler (9) and Mia (6)", "Kai & Jo",
/// "Ana, Ben"), so the verb after it is plural.
pub fn names_several(name: &str) -> bool {
    let name = name.to_lowercase();
    name.contains(" and ") || name.contains('&') || name.contains(',') || name.contains(" + ")
}

/// Whether `text` names the person called `name`: the name's words appear in it together,
/// as whole words, in any case ("Craig" in "Craig and Mum", not in "Craigavon").
pub fn names_person(text: &str, name: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let name = words(name);
    if name.is_empty() {
        return false;
    }
    let text = words(text);
    text.windows(name.len()).any(|w| w == name.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_read_with_an_age_in_the_name() {
        assert_eq!(possessive("Kai", "wishes"), "Kai's wishes");
        assert_eq!(possessive("Tyler (13)", "wishes"), "Tyler's wishes (13)");
        assert_eq!(possessive("J. (age 11)", "wishes"), "J.'s wishes (age 11)");
        assert_eq!(possessive("(13)", "wishes"), "(13)'s wishes");
        assert_eq!(
            possessive("Tyler (9) and Mia (6)", "wishes"),
            "the wishes of Tyler (9) and Mia (6)"
        );
    }

    #[test]
    fn several_children_want_and_a_name_is_found_as_whole_words() {
        assert!(names_several("Tyler (9) and Mia (6)"));
        assert!(!names_several("J. (age 11)"));
        assert!(names_person("Craig and Mum", "craig"));
        assert!(names_person("Uncle Craig Smith", "Craig Smith"));
        assert!(!names_person("Craigavon school", "Craig"));
        assert!(!names_person("Anna", ""));
    }
}
