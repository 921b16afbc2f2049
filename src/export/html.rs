//! The HTML report: one self-contained page (inline CSS, no scripts) that prints well to PDF.

use super::document::to_html;
use super::{
    Options, Report, conference_facts, conference_outcome, facts_section, map_section,
    stage_sections, summary_section,
};
use crate::model::timefmt::format_zoned;
use crate::text::clean;
use std::fmt::Write;

/// Escapes text for HTML: the five special characters become entities, control
/// characters go, and new lines become `<br>`.
pub fn escape(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    for c in cleaned.trim().chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; color: #111; background: #fff;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5;
       overflow-wrap: anywhere; word-break: normal; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #111; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.meta, .purpose, .note { color: #444; }
.purpose { font-style: italic; }
ol.records { padding-left: 1.4rem; }
ol.records li { margin-bottom: 0.6rem; }
.words { font-weight: bold; }
.kind { font-style: italic; }
.detail { display: block; color: #333; font-size: 0.95rem; }
.builds-on { display: block; color: #333; font-size: 0.95rem; padding-left: 1rem; border-left: 3px solid #999; }
dl.facts .fact { break-inside: avoid; page-break-inside: avoid; margin: 0 0 0.3rem 0; }
dl.facts dt { display: inline; font-weight: bold; }
dl.facts dt::after { content: \":\"; }
dl.facts dd { display: inline; margin: 0 0 0 0.3rem; }
table.map { border-collapse: collapse; width: 100%; font-size: 0.95rem; table-layout: fixed; }
table.map th, table.map td { border: 1px solid #555; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
table.plan { border-collapse: collapse; width: 100%; font-size: 0.95rem; overflow-wrap: break-word; table-layout: fixed; }
table.plan th, table.plan td { border: 1px solid #555; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
section.summary h4 { font-size: 1rem; margin: 1rem 0 0.3rem; break-after: avoid; page-break-after: avoid; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.stage { break-before: page; page-break-before: always; }
  section.stage:first-of-type { break-before: auto; page-break-before: auto; }
  li, .builds-on, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; page-break-after: avoid; }
}
";

/// The page's head, up to and with `<body>`: the title, the style, no scripts allowed.
fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    )
}

const TAIL: &str = "</body>\n</html>\n";

/// A whole page around a fragment of HTML (a [`super::document`]'s blocks).
pub(super) fn page(title: &str, body: &str) -> String {
    format!("{}{body}{TAIL}", head(title))
}

pub fn render(report: &Report, options: Options) -> String {
    let s = report.session;
    let mut out = head(&s.title);
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&s.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · session {} · started {} · last change {}</p>\n</header>",
        escape(&report.framework_name),
        escape(s.id.as_str()),
        format_zoned(s.created, options.offset),
        format_zoned(s.updated, options.offset)
    );
    if let Some(c) = &s.conference {
        out.push_str(&to_html(&facts_section(
            "conference",
            "The conference",
            &conference_facts(c),
        )));
    }
    out.push_str(&to_html(&summary_section(report, options)));
    out.push_str(&to_html(&stage_sections(report)));
    if let Some(c) = &s.conference {
        out.push_str(&to_html(&facts_section(
            "stage",
            "The outcome",
            &conference_outcome(c),
        )));
    }
    out.push_str(&to_html(&map_section(s, options)));
    out.push_str(TAIL);
    out
}

pub(super) fn list(out: &mut String, records: &[crate::describe::Description]) {
    out.push_str("<ol class=\"records\">\n");
    for d in records {
        let lead = d
            .lead()
            .map(|l| format!("<span class=\"kind\">{l}:</span> "))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li value=\"{}\">{lead}<span class=\"words\">{}</span>",
            d.id.0,
            escape(&d.words)
        );
        let fields: Vec<String> = d
            .fields
            .iter()
            .map(|(field, value)| format!("{}: {}", field.label(), escape(value)))
            .collect();
        if !fields.is_empty() {
            let _ = write!(out, "<span class=\"detail\">{}</span>", fields.join(" · "));
        }
        for (relation, named) in d.link_groups() {
            let links: Vec<String> = named.iter().map(|l| escape(l)).collect();
            let _ = write!(
                out,
                "<span class=\"builds-on\">{}: {}</span>",
                crate::text::capitalised(relation.label()),
                links.join("; ")
            );
        }
        if !d.checkins.is_empty() {
            out.push_str("<ul class=\"checkins\">");
            for checkin in &d.checkins {
                let _ = write!(out, "<li>Check-in {}</li>", escape(checkin));
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_special_characters_become_entities() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>\nnext"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;<br>next"
        );
    }
}
