//! Suppression comments in Markdown, HTML and plain text, and unused ones.

use crate::util::{hits, OF001};

sktest!(markdown_disable_enable_and_next_line, |dir, cmd| {
    dir.create(
        "a.md",
        &format!(
            "{OF001}\n\n<!-- skaidri-disable-next-line OF001 -->\n{OF001}\n\n<!-- skaidri-disable officialese -->\n{OF001}\n\n{OF001}\n<!-- skaidri-enable officialese -->\n\n{OF001}\n"
        ),
    );
    let r = cmd.args(["a.md", "--format", "json"]).expect(1);
    eqnice!("a.md:1:OF001\na.md:12:OF001", hits(&r.json()).join("\n"));
});

sktest!(html_comment_with_a_list_and_a_reason, |dir, cmd| {
    dir.create(
        "a.html",
        &format!("<!-- skaidri-disable-next-line ND001, sakara-ar -- citāts no likuma -->\n<p>{OF001}</p>\n<p>{OF001}</p>\n"),
    );
    let r = cmd.args(["a.html", "--format", "json"]).expect(1);
    eqnice!("a.html:3:OF001", hits(&r.json()).join("\n"));
});

sktest!(plain_text_directive_lines_are_not_checked, |dir, cmd| {
    // the directive line itself holds "Sakarā ar"-free text but would be flagged as a
    // word list if it were checked; it must not produce findings of its own
    dir.create(
        "a.txt",
        &format!("skaidri: disable-next-line\n{OF001}\nskaidri: disable OF001\n{OF001}\nskaidri: enable\n{OF001}\n"),
    );
    let r = cmd.args(["a.txt", "--format", "json"]).expect(1);
    eqnice!("a.txt:6:OF001", hits(&r.json()).join("\n"));
});

sktest!(unused_suppressions_are_reported_on_request, |dir, cmd| {
    dir.create(
        "a.md",
        &format!("<!-- skaidri-disable-next-line ND001 -->\n{OF001}\n\n<!-- skaidri-disable-next-line OF001 -->\n{OF001}\n"),
    );
    let r = cmd
        .args(["a.md", "--format", "json", "--report-unused-suppressions"])
        .expect(1);
    eqnice!("a.md:1:SK000\na.md:2:OF001", hits(&r.json()).join("\n"));
    // without the flag the unused comment is silent
    let r = dir.check().args(["a.md", "--format", "json"]).expect(1);
    eqnice!("a.md:2:OF001", hits(&r.json()).join("\n"));
});

sktest!(explain_knows_the_meta_rule, |dir, cmd| {
    let _ = cmd;
    let r = dir.skaidri().args(["explain", "SK000"]).expect(0);
    assert!(
        r.stdout.starts_with("SK000 (lieks-apklusinajums)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Ko tas pārbauda"), "{}", r.stdout);
});
