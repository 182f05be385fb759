//! DOCX and ODT: findings placed by paragraph, document comments as suppression
//! directives, and `--fix` leaving them alone. Files are built here by zipping XML.

use crate::util::{Dir, OF001};
use std::io::{Cursor, Write};

pub fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        let method = if *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        w.start_file(
            *name,
            zip::write::SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A DOCX of plain paragraphs; `comment` (if any) is anchored on paragraph `on`.
pub fn docx(paras: &[&str], comment: Option<(usize, &str)>) -> Vec<u8> {
    let mut body = String::new();
    for (i, p) in paras.iter().enumerate() {
        body.push_str("<w:p>");
        if comment.is_some_and(|(on, _)| on == i) {
            body.push_str(r#"<w:commentRangeStart w:id="1"/>"#);
        }
        body.push_str(&format!(
            r#"<w:r><w:t xml:space="preserve">{p}</w:t></w:r>"#
        ));
        if comment.is_some_and(|(on, _)| on == i) {
            body.push_str(
                r#"<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>"#,
            );
        }
        body.push_str("</w:p>");
    }
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = format!(
        r#"<?xml version="1.0"?><w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="lv-LV"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
    );
    let mut parts = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_string()),
        ("word/document.xml", doc),
        ("word/styles.xml", styles),
    ];
    if let Some((_, text)) = comment {
        parts.push((
            "word/comments.xml",
            format!(r#"<?xml version="1.0"?><w:comments {W}><w:comment w:id="1" w:author="A"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment></w:comments>"#),
        ));
    }
    let parts: Vec<(&str, &str)> = parts.iter().map(|(a, b)| (*a, b.as_str())).collect();
    zip(&parts)
}

sktest!(docx_findings_have_paragraph_places, |dir, cmd| {
    let bytes = docx(
        &["Ievads bez piezīmēm.", &format!("Otrā rindkopa. {OF001}")],
        None,
    );
    std::fs::write(dir.path().join("a.docx"), bytes).unwrap();
    let r = cmd.args(["a.docx", "--format", "json"]).expect(1);
    let v = r.json();
    assert_eq!(v["files"][0]["format"], "docx");
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "OF001");
    assert_eq!(d["paragraph"]["index"], 2);
    assert_eq!(d["paragraph"]["offset"], 15);
    assert!(
        d["paragraph"]["excerpt"]
            .as_str()
            .unwrap()
            .starts_with("Sakarā ar"),
        "{d}"
    );
    let r = dir.check().args(["a.docx"]).expect(1);
    assert!(
        r.stdout.contains("a.docx:¶2:16: brīdinājums[OF001]"),
        "{}",
        r.stdout
    );
    let r = dir.check().args(["a.docx", "--format", "sarif"]).expect(1);
    let sarif = r.json();
    crate::outputs::assert_valid(&crate::outputs::sarif_validator(), &sarif);
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(2), Some(16))
    );
    let r = dir.check().args(["a.docx", "--format", "github"]).expect(1);
    assert!(
        r.stdout
            .starts_with("::warning file=a.docx,title=skaidri OF001 (sakara-ar)::¶2:16: "),
        "{}",
        r.stdout
    );
});

sktest!(a_document_comment_suppresses, |dir, cmd| {
    let bytes = docx(
        &["Ievads.", OF001, OF001],
        Some((1, "skaidri: disable-next-line OF001 -- citāts")),
    );
    std::fs::write(dir.path().join("a.docx"), bytes).unwrap();
    let r = cmd
        .args(["a.docx", "--format", "json", "--report-unused-suppressions"])
        .expect(1);
    let v = r.json();
    let d = v["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(d[0]["paragraph"]["index"], 3);
});

sktest!(fix_leaves_office_files_alone_and_says_so, |dir, cmd| {
    let bytes = docx(&["Bezdarbs pieauga par 15%."], None);
    let p = dir.path().join("a.docx");
    std::fs::write(&p, &bytes).unwrap();
    let r = cmd.args(["a.docx", "--fix"]).expect(1);
    assert!(
        r.stderr.contains("--fix does not change DOCX files"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&p).unwrap(), bytes);
    let _ = Dir::new("unused");
});

sktest!(a_broken_docx_is_an_input_error, |dir, cmd| {
    dir.create_bytes("bad.docx", b"PK\x03\x04 not really a zip");
    dir.create("ok.txt", "Teksts.\n");
    let r = cmd
        .args(["bad.docx", "ok.txt", "--format", "json"])
        .expect(2);
    let v = r.json();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert!(
        v["errors"][0].as_str().unwrap().starts_with("bad.docx: "),
        "{v}"
    );
});
