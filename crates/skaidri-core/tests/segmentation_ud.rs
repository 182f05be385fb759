//! Sentence segmentation against UD Latvian-LVTB gold (dev file). The treebank is too
//! large to copy into the repository; the test skips when ../shared/data is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use skaidri_core::segment::gold;
use std::path::PathBuf;

fn shared_data() -> PathBuf {
    std::env::var_os("SKAIDRI_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

#[test]
fn segmentation_f1_on_ud_lvtb_dev_is_at_least_0_99() {
    let path = shared_data().join("ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let sc = gold::evaluate(&data, 0);
    assert!(sc.sentences > 2000, "{} sentences", sc.sentences);
    assert!(
        sc.f1() >= 0.99,
        "F1 {:.4} (P {:.4}, R {:.4})",
        sc.f1(),
        sc.precision(),
        sc.recall()
    );
}
