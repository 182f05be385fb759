//! Shell completions and the man page.

sktest!(completions_and_man_page, |dir, cmd| {
    let _ = cmd;
    for shell in ["bash", "zsh", "fish"] {
        let r = dir.skaidri().args(["completions", shell]).expect(0);
        assert!(r.stdout.contains("skaidri"), "{shell}");
        assert!(
            r.stdout.contains("report-unused-suppressions"),
            "{shell}: flags of check"
        );
    }
    let r = dir.skaidri().arg("man").expect(0);
    assert!(
        r.stdout.starts_with(".ie") || r.stdout.contains(".TH skaidri"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    assert!(r.stdout.contains("SKAIDRI CHECK"));
    assert!(
        r.stdout.contains("fail\\-on"),
        "check's options are documented"
    );
});
