//! Unit tests of parsing, validation and layering. End-to-end tests of discovery through
//! the binary live in the repository's `tests/`.

use super::*;

fn rules() -> RuleSet {
    RuleSet::embedded().unwrap()
}

fn parse(src: &str) -> Result<Config, ConfigError> {
    Config::parse(Path::new("dir/skaidri.toml"), src)
}

fn invalid(src: &str) -> (u32, u32, Option<String>, String) {
    match parse(src) {
        Err(ConfigError::Invalid {
            line,
            column,
            key,
            message,
            ..
        }) => (line, column, key, message),
        other => panic!("expected an invalid config, got {other:?}"),
    }
}

#[test]
fn unknown_top_level_key_names_line_column_and_key() {
    let (line, col, key, _) = invalid("profile = \"viegla-valoda\"\nprofil = \"x\"\n");
    assert_eq!((line, col, key.as_deref()), (2, 1, Some("profil")));
}

#[test]
fn unknown_key_in_thresholds_is_an_error() {
    let (line, _, key, _) = invalid("[thresholds]\nsentence_word = 20\n");
    assert_eq!((line, key.as_deref()), (2, Some("sentence_word")));
}

#[test]
fn bad_profile_points_at_the_value() {
    let (line, col, key, msg) = invalid("\nprofile = \"viegla\"\n");
    assert_eq!((line, col, key.as_deref()), (2, 11, Some("profile")));
    assert!(msg.contains("viegla-valoda"), "{msg}");
}

#[test]
fn bad_severity_and_bands() {
    let (_, _, key, _) = invalid("[severity]\nOF001 = \"loud\"\n");
    assert_eq!(key.as_deref(), Some("severity.OF001"));
    let (_, _, key, _) = invalid("[thresholds]\nlix_bands = [30, 20, 50, 60]\n");
    assert_eq!(key.as_deref(), Some("thresholds.lix_bands"));
}

#[test]
fn unknown_rule_is_found_when_settings_are_built() {
    let cfg = parse("disable = [\"officialese\", \"NOPE1\"]\n").unwrap();
    let e = cfg.settings(Path::new("dir/a.md"), &rules()).unwrap_err();
    let s = e.to_string();
    assert!(s.starts_with("dir/skaidri.toml:1:27: key `disable`"), "{s}");
}

#[test]
fn error_display_is_one_line() {
    let e = parse("[thresholds\n").unwrap_err().to_string();
    assert!(!e.contains('\n'), "{e}");
    assert!(e.starts_with("dir/skaidri.toml:1:"), "{e}");
}

#[test]
fn keys_map_onto_settings() {
    let cfg = parse(
        r#"
profile = "viegla-valoda"
lang = "en"
disable = ["officialese"]
enable = ["OF001"]
[severity]
barbarism = "error"
sakara-ar = "info"
[thresholds]
sentence_words = 20
lix_bands = [25, 35, 45, 55]
max = { WC001 = 18 }
"#,
    )
    .unwrap();
    let s = cfg.settings(Path::new("dir/x.txt"), &rules()).unwrap();
    assert_eq!(s.profile, "viegla-valoda");
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.disable, vec!["officialese"]);
    assert_eq!(s.enable, vec!["OF001"]);
    assert_eq!(s.severity.get("barbarism"), Some(&Severity::Error));
    // a rule name is stored under the rule's id
    assert_eq!(s.severity.get("OF001"), Some(&Severity::Info));
    assert_eq!(s.max.get("SL001"), Some(&20.0));
    assert_eq!(s.max.get("WC001"), Some(&18.0));
    assert_eq!(s.thresholds.lix_bands, [25.0, 35.0, 45.0, 55.0]);
    let a = skaidri_core::Analyzer::new(rules(), s);
    assert!(a.is_enabled("OF001"));
    assert!(!a.is_enabled("OF002"));
}

#[test]
fn overrides_apply_in_order_to_matching_files() {
    let cfg = parse(
        r#"
disable = ["SL001"]
[[overrides]]
files = ["*.md"]
enable = ["SL001"]
profile = "normativie-akti"
[[overrides]]
files = ["legal/**/*.md"]
disable = ["SL001"]
"#,
    )
    .unwrap();
    let r = rules();
    assert_eq!(
        cfg.overrides_for(Path::new("dir/a.txt")),
        Vec::<usize>::new()
    );
    assert_eq!(cfg.overrides_for(Path::new("dir/docs/a.md")), vec![0]);
    assert_eq!(cfg.overrides_for(Path::new("dir/legal/x/a.md")), vec![0, 1]);
    let md = cfg.settings(Path::new("dir/docs/a.md"), &r).unwrap();
    assert_eq!(md.profile, "normativie-akti");
    assert!(md.disable.is_empty() && md.enable == ["SL001"]);
    let legal = cfg.settings(Path::new("dir/legal/x/a.md"), &r).unwrap();
    assert_eq!(legal.disable, vec!["SL001"]);
    assert!(legal.enable.is_empty());
}

#[test]
fn include_and_exclude() {
    let cfg = parse(
        "include = [\"*.md\", \"notes/*.txt\"]\nexclude = [\"drafts\", \"notes/old-*.txt\"]\n",
    )
    .unwrap();
    assert!(cfg.selects_walked_file(Path::new("dir/a.md")));
    assert!(cfg.selects_walked_file(Path::new("dir/sub/a.md")));
    assert!(!cfg.selects_walked_file(Path::new("dir/a.txt")));
    assert!(cfg.selects_walked_file(Path::new("dir/notes/a.txt")));
    assert!(!cfg.selects_walked_file(Path::new("dir/notes/old-a.txt")));
    assert!(!cfg.selects_walked_file(Path::new("dir/drafts/a.md")));
    assert!(!cfg.selects_walked_file(Path::new("dir/x/drafts/y/a.md")));
}

#[test]
fn bad_glob_names_its_place() {
    let (line, col, key, _) = invalid("exclude = [\"ok\", \"a[\"]\n");
    assert_eq!((line, col, key.as_deref()), (1, 18, Some("exclude")));
}

#[test]
fn missing_rule_folder_is_an_error() {
    let (_, _, key, msg) = invalid("rules = [\"no-such-folder\"]\n");
    assert_eq!(key.as_deref(), Some("rules"));
    assert!(msg.contains("no-such-folder"), "{msg}");
}

#[test]
fn discovery_finds_the_nearest_config() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("a/b/c")).unwrap();
    std::fs::write(root.join("skaidri.toml"), "profile = \"viegla-valoda\"\n").unwrap();
    std::fs::write(
        root.join("a/b/.skaidri.toml"),
        "profile = \"normativie-akti\"\n",
    )
    .unwrap();
    let d = Discovery::new();
    let top = d.for_file(&root.join("x.md")).unwrap().unwrap();
    assert_eq!(top.path(), root.join("skaidri.toml"));
    let near = d.for_file(&root.join("a/b/c/y.md")).unwrap().unwrap();
    assert_eq!(near.path(), root.join("a/b/.skaidri.toml"));
    let again = d.for_file(&root.join("a/b/z.md")).unwrap().unwrap();
    assert!(Arc::ptr_eq(&near, &again), "a config file is loaded once");
}

#[test]
fn override_without_files_points_at_it() {
    let (line, col, key, _) = invalid("profile = \"viegla-valoda\"\n\n[[overrides]]\nfiles = []\n");
    assert_eq!(
        (line, col, key.as_deref()),
        (4, 9, Some("overrides[0].files"))
    );
    let (line, _, _, msg) = invalid("[[overrides]]\nprofile = \"viegla-valoda\"\n");
    assert!(msg.contains("missing field `files`"), "{msg}");
    assert!(line >= 1);
}

#[test]
fn skip_nav_layers() {
    let cfg =
        parse("skip_nav = true\n[[overrides]]\nfiles = [\"raw/**\"]\nskip_nav = false\n").unwrap();
    assert!(cfg.skip_nav_with(&cfg.overrides_for(Path::new("dir/a.html"))));
    assert!(!cfg.skip_nav_with(&cfg.overrides_for(Path::new("dir/raw/a.html"))));
}
