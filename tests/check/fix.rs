//! `--fix` and `--diff`.

use crate::util::{Dir, ND001, OF001};

fn fixable(name: &str) -> Dir {
    let dir = Dir::new(name);
    // ND001 ("15%" → "15 %") and ND002 ("no 5-10" → "no 5 līdz 10") are safe; OF001 is not
    dir.create(
        "a.txt",
        &format!("{OF001}\n{ND001}\nDarbs notiks no 5-10 gada.\n"),
    );
    dir.create(
        "b.md",
        &format!("<!-- skaidri-disable-next-line ND001 -->\n{ND001}\n\n{ND001}\n"),
    );
    dir
}

sktest!(diff_shows_changes_and_writes_nothing, |dir, cmd| {
    let _ = dir;
    let dir = fixable("diff");
    let before = dir.read("a.txt");
    let r = dir.check().args([".", "--diff"]).expect(1);
    let want = "--- a/a.txt
+++ b/a.txt
@@ -1,3 +1,3 @@
 Sakarā ar remontu birojs nestrādās.
-Bezdarbs pieauga par 15%.
-Darbs notiks no 5-10 gada.
+Bezdarbs pieauga par 15 %.
+Darbs notiks no 5 līdz 10 gada.
--- a/b.md
+++ b/b.md
@@ -1,4 +1,4 @@
 <!-- skaidri-disable-next-line ND001 -->
 Bezdarbs pieauga par 15%.
 
-Bezdarbs pieauga par 15%.
+Bezdarbs pieauga par 15 %.
";
    eqnice!(want, r.stdout);
    assert_eq!(dir.read("a.txt"), before);
    let _ = cmd;
});

#[cfg(unix)]
sktest!(
    fix_rewrites_keeps_permissions_and_is_idempotent,
    |dir, cmd| {
        use std::os::unix::fs::PermissionsExt;
        let _ = (dir, cmd);
        let dir = fixable("fix");
        let p = dir.path().join("a.txt");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        // OF001 is left (not safe), so the exit code is still 1
        let r = dir
            .check()
            .args([".", "--fix", "--format", "json"])
            .expect(1);
        assert!(
            r.stderr.contains("fixed 3 finding(s) in 2 file(s)"),
            "{}",
            r.stderr
        );
        eqnice!(
            format!("{OF001}\nBezdarbs pieauga par 15 %.\nDarbs notiks no 5 līdz 10 gada.\n"),
            dir.read("a.txt")
        );
        assert!(dir
            .read("b.md")
            .ends_with("\n\nBezdarbs pieauga par 15 %.\n"));
        assert!(
            dir.read("b.md")
                .contains("-->\nBezdarbs pieauga par 15%.\n"),
            "suppressed findings are not fixed"
        );
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let rules: Vec<String> = crate::util::hits(&r.json());
        eqnice!("a.txt:1:OF001", rules.join("\n"));
        // a second run changes nothing
        let (a, b) = (dir.read("a.txt"), dir.read("b.md"));
        let r = dir.check().args([".", "--fix"]).expect(1);
        assert!(!r.stderr.contains("fixed"), "{}", r.stderr);
        assert_eq!((dir.read("a.txt"), dir.read("b.md")), (a, b));
        dir.check().args([".", "--diff"]).expect(0);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".skaidri-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
);

sktest!(fix_refuses_stdin, |dir, cmd| {
    let _ = dir;
    let r = cmd.args(["-", "--fix"]).stdin(ND001).expect(2);
    assert!(r.stderr.contains("--diff"), "{}", r.stderr);
});

sktest!(fix_in_html_keeps_markup_and_entities, |dir, cmd| {
    dir.create(
        "a.html",
        "<p>Cena &amp; apjoms: <b>Bezdarbs pieauga par 15%.</b></p>\n",
    );
    cmd.args(["a.html", "--fix"]).expect(0);
    eqnice!(
        "<p>Cena &amp; apjoms: <b>Bezdarbs pieauga par 15 %.</b></p>\n",
        dir.read("a.html")
    );
});
