//! The command-line policy check (`src/bin/check_profile.rs`), run as a web team's pipeline
//! would: every problem of a profile at once, and the exit code.

use std::path::PathBuf;
use std::process::Command;

fn check(files: &[PathBuf]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_check-profile"))
        .args(files)
        .output()
        .expect("check-profile runs");
    let text = String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap();
    (output.status.code().expect("an exit code"), text)
}

fn profile(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("check-profile");
    std::fs::create_dir_all(&dir).unwrap();
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/public/policies/greatwell.json");
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(builtin).unwrap()).unwrap();
    edit(&mut json);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    path
}

#[test]
fn a_profile_with_three_mistakes_gets_all_three_and_exit_1() {
    let broken = profile("three-mistakes.json", |json| {
        json["$schema"] = "./policy.schema.json".into();
        json["regoin"] = "england-and-wales".into();
        json["stages"]["stage1"]["respond"]["from"] = "tomorrow".into();
        json["landlord"]["name"] = "".into();
    });
    let (code, text) = check(std::slice::from_ref(&broken));
    assert_eq!(code, 1, "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("{}: 3 problems", broken.display()), "{text}");
    assert!(lines[1].starts_with("  regoin: unknown field `regoin`"), "{text}");
    assert!(lines[2].starts_with("  stages.stage1.respond.from: unknown variant `tomorrow`"), "{text}");
    assert_eq!(lines[3], "  landlord.name: must not be empty", "{text}");
    assert_eq!(lines.len(), 4, "{text}");
}

#[test]
fn good_profiles_pass_and_a_missing_file_is_named() {
    let good = profile("good.json", |json| json["$schema"] = "./policy.schema.json".into());
    let (code, text) = check(std::slice::from_ref(&good));
    assert_eq!((code, text.trim()), (0, format!("{}: the profile \"greatwell\" can be used", good.display()).as_str()));
    let missing = PathBuf::from("no/such/profile.json");
    let (code, text) = check(&[good, missing]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("no/such/profile.json: cannot be read"), "{text}");
}
