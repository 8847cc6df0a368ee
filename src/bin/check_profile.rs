//! `check-profile FILE…`: checks landlords' profiles as the policy check page does, for a web
//! team's build pipeline. Prints every problem of each file and exits 1 if any has one (2 if a
//! file cannot be read), 0 if all can be used.

use std::process::ExitCode;

use resident_complaints::domain::policy::Policy;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: check-profile FILE…  (a landlord's profile, JSON: see public/policies/policy.schema.json)");
        return ExitCode::from(2);
    }
    let mut worst = 0;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{file}: cannot be read: {error}");
                worst = 2;
                continue;
            }
        };
        match Policy::check(&text) {
            Ok(policy) => println!("{file}: the profile \"{}\" can be used", policy.id),
            Err(problems) => {
                let count = match problems.len() {
                    1 => "1 problem".to_string(),
                    n => format!("{n} problems"),
                };
                println!("{file}: {count}");
                for problem in &problems {
                    println!("  {problem}");
                }
                worst = worst.max(1);
            }
        }
    }
    ExitCode::from(worst)
}
