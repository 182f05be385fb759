//! Which files `check` reads: folders, ignore files, hidden files, globs,
//! `--files-from`, standard input, bad inputs, and a stable order.

use crate::util::{hits, CLEAN, OF001};

/// A folder with a mix of formats plus ignored and hidden files.
fn mixed(dir: &crate::util::Dir) {
    dir.create("a.txt", &format!("{OF001}\n"));
    dir.create("docs/b.md", &format!("# Virsraksts\n\n{OF001}\n"));
    dir.create("docs/c.html", &format!("<p>{OF001}</p>\n"));
    dir.create("docs/d.markdown", &format!("{OF001}\n"));
    dir.create("notes.rst", &format!("{OF001}\n"));
    dir.create("build/out.txt", &format!("{OF001}\n"));
    dir.create("private.txt", &format!("{OF001}\n"));
    dir.create(".gitignore", "build/\n");
    dir.create(".ignore", "private.txt\n");
    dir.create(".hidden/e.txt", &format!("{OF001}\n"));
    dir.create(".f.md", &format!("{OF001}\n"));
}

sktest!(
    folder_respects_ignore_files_hidden_files_and_extensions,
    |dir, cmd| {
        mixed(&dir);
        let r = cmd.args([".", "--format", "json"]).expect(1);
        eqnice!(
            [
                "a.txt:1:OF001",
                "docs/b.md:3:OF001",
                "docs/c.html:1:OF001",
                "docs/d.markdown:1:OF001"
            ]
            .join("\n"),
            hits(&r.json()).join("\n")
        );
    }
);

sktest!(hidden_and_no_ignore_widen_the_search, |dir, cmd| {
    mixed(&dir);
    let r = cmd
        .args([".", "--format", "json", "--hidden", "--no-ignore"])
        .expect(1);
    let got = hits(&r.json());
    for want in [
        ".f.md:1:OF001",
        ".hidden/e.txt:1:OF001",
        "build/out.txt:1:OF001",
        "private.txt:1:OF001",
    ] {
        assert!(
            got.contains(&want.to_string()),
            "{want} missing from {got:?}"
        );
    }
    assert!(!got.iter().any(|h| h.starts_with("notes.rst")), "{got:?}");
});

sktest!(
    explicit_files_are_checked_whatever_their_name,
    |dir, cmd| {
        mixed(&dir);
        let r = cmd
            .args(["notes.rst", "build/out.txt", "--format", "json"])
            .expect(1);
        eqnice!(
            "build/out.txt:1:OF001\nnotes.rst:1:OF001",
            hits(&r.json()).join("\n")
        );
    }
);

sktest!(globs_are_expanded, |dir, cmd| {
    mixed(&dir);
    let r = cmd
        .args(["docs/*.md", "*.txt", "--format", "json"])
        .expect(1);
    eqnice!(
        "a.txt:1:OF001\ndocs/b.md:3:OF001",
        hits(&r.json()).join("\n")
    );
});

sktest!(files_from_a_list_and_from_stdin, |dir, cmd| {
    mixed(&dir);
    dir.create("list.txt", "a.txt\n\ndocs/c.html\n");
    let r = cmd
        .args(["--files-from", "list.txt", "--format", "json"])
        .expect(1);
    eqnice!(
        "a.txt:1:OF001\ndocs/c.html:1:OF001",
        hits(&r.json()).join("\n")
    );
    let r = dir
        .check()
        .args(["--files-from", "-", "--format", "json"])
        .stdin("docs/b.md\n")
        .expect(1);
    eqnice!("docs/b.md:3:OF001", hits(&r.json()).join("\n"));
});

sktest!(
    stdin_with_a_file_name_picks_format_and_config,
    |dir, cmd| {
        dir.create("web/skaidri.toml", "disable = [\"OF001\"]\n");
        let r = cmd
            .args(["-", "--stdin-filename", "web/page.html", "--format", "json"])
            .stdin(&format!("<p>{OF001}</p>"))
            .expect(0);
        let v = r.json();
        assert_eq!(v["files"][0]["path"], "web/page.html");
        assert_eq!(v["files"][0]["format"], "html");
        assert_eq!(
            hits(&v).len(),
            0,
            "the config next to the named file applies"
        );
        let r = dir
            .check()
            .args(["-", "--format", "json"])
            .stdin(OF001)
            .expect(1);
        assert_eq!(r.json()["files"][0]["path"], "<stdin>");
    }
);

sktest!(
    missing_and_bad_files_are_reported_and_the_rest_checked,
    |dir, cmd| {
        dir.create("ok.txt", &format!("{OF001}\n"));
        dir.create_bytes("bad.txt", b"Labdien, \xffpasaule");
        let r = cmd
            .args(["ok.txt", "missing.md", "bad.txt", "--format", "json"])
            .expect(2);
        let v = r.json();
        eqnice!("ok.txt:1:OF001", hits(&v).join("\n"));
        let errors: Vec<&str> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("bad.txt:1:10: invalid UTF-8 at byte 9"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("missing.md: no such file"),
            "{errors:?}"
        );
        assert!(
            r.stderr.contains("missing.md: no such file"),
            "{}",
            r.stderr
        );
    }
);

sktest!(parallel_order_equals_single_thread_order, |dir, cmd| {
    for i in 0..40 {
        let text = if i % 3 == 0 { CLEAN } else { OF001 };
        dir.create(
            &format!("d{}/f{:02}.txt", i % 4, 40 - i),
            &format!("{text}\n{OF001}\n"),
        );
    }
    let many = cmd.args([".", "--format", "json"]).expect(1);
    let one = dir
        .check()
        .args([".", "--format", "json"])
        .env("RAYON_NUM_THREADS", "1")
        .expect(1);
    eqnice!(one.stdout, many.stdout);
    let paths: Vec<String> = many.json()["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 40);
});

// The "done means": a fresh folder with a skaidri.toml, Markdown, HTML and
// text files, an ignored folder, hidden files and suppression comments.
sktest!(
    fresh_folder_with_config_ignores_and_suppressions,
    |dir, cmd| {
        dir.create(
        "skaidri.toml",
        "disable = [\"numbers-dates\"]\n\n[severity]\nOF001 = \"error\"\n\n[[overrides]]\nfiles = [\"*.html\"]\ndisable = [\"OF001\"]\n",
    );
        dir.create(".gitignore", "generated/\n");
        dir.create("generated/x.md", &format!("{OF001}\n"));
        dir.create(".cache/y.txt", &format!("{OF001}\n"));
        dir.create(
        "README.md",
        &format!("# Par mums\n\n{OF001} Bezdarbs pieauga par 15%.\n\n<!-- skaidri-disable-next-line OF001 -->\n{OF001}\n"),
    );
        dir.create("site/index.html", &format!("<p>{OF001}</p>\n"));
        dir.create(
            "notes/a.txt",
            &format!(
                "skaidri: disable officialese\n{OF001}\nskaidri: enable officialese\n{OF001}\n"
            ),
        );
        let r = cmd
            .args([".", "--format", "json", "--fail-on", "error"])
            .expect(1);
        let v = r.json();
        eqnice!(
            "README.md:3:OF001\nnotes/a.txt:4:OF001",
            hits(&v).join("\n")
        );
        assert_eq!(
            v["files"].as_array().unwrap().len(),
            3,
            "site/index.html is checked, clean"
        );
        assert_eq!(v["files"][0]["diagnostics"][0]["severity"], "error");
    }
);

sktest!(binary_and_windows_1257_text, |dir, cmd| {
    dir.create_bytes("bin.txt", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]);
    // "Sakarā ar remontu" in Windows-1257 (ā = 0xE2)
    dir.create_bytes("cp.txt", b"Sakar\xe2 ar remontu birojs nestr\xe2d\xe2s.\n");
    let r = cmd
        .args(["bin.txt", "cp.txt", "--format", "json"])
        .expect(2);
    let v = r.json();
    eqnice!("cp.txt:1:OF001", hits(&v).join("\n"));
    assert!(
        v["errors"][0].as_str().unwrap().starts_with("bin.txt: "),
        "{v}"
    );
});
