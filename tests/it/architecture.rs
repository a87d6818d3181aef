//! ARCHITECTURE.md stays true: its table says which top-level modules of `src/` each module may
//! use; this reads the table and the code's `crate::` paths, and fails on an import the table does
//! not allow, on a module the table does not list, and on a cycle in the table itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `module -> modules it may use`, from the table of ARCHITECTURE.md.
fn allowed() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let mut map = BTreeMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | `module` | what it is | may use |
        if cells.len() != 5 || !cells[1].starts_with('`') || cells[1].contains(' ') {
            continue;
        }
        let name = cells[1].trim_matches('`').to_string();
        let uses = cells[3]
            .split(',')
            .map(|u| u.trim().trim_matches('`').to_string())
            .filter(|u| !u.is_empty())
            .collect();
        map.insert(name, uses);
    }
    assert!(map.len() > 10, "no module table found in ARCHITECTURE.md");
    map
}

/// Removes `//` comments (line and doc), so prose naming a module is not an import.
fn code_of(source: &str) -> String {
    source
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `module -> top-level modules its code names through crate::`.
fn actual() -> BTreeMap<String, BTreeSet<String>> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root().join("src")).unwrap();
            let first = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let module = first.trim_end_matches(".rs").to_string();
            let module = if module == "main" {
                "lib".to_string()
            } else {
                module
            };
            let code = code_of(&std::fs::read_to_string(&path).unwrap());
            let uses = map.entry(module.clone()).or_default();
            for (i, _) in code.match_indices("crate::") {
                let rest = &code[i + "crate::".len()..];
                let names: Vec<String> = if let Some(group) = rest.strip_prefix('{') {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    group
                        .split(',')
                        .filter_map(|p| p.trim().split("::").next())
                        .map(|p| p.trim().to_string())
                        .collect()
                } else {
                    let end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    vec![rest[..end].to_string()]
                };
                for name in names {
                    if !name.is_empty() && name != module && name != "self" {
                        uses.insert(name);
                    }
                }
            }
        }
    }
    // Items of lib.rs itself (`crate::run`) count as `lib`.
    for uses in map.values_mut() {
        let items: Vec<String> = uses
            .iter()
            .filter(|u| u.chars().next().is_some_and(char::is_lowercase) && u.starts_with("run"))
            .cloned()
            .collect();
        for item in items {
            uses.remove(&item);
            uses.insert("lib".to_string());
        }
    }
    map
}

#[test]
fn every_import_between_top_level_modules_is_one_the_architecture_allows() {
    let allowed = allowed();
    let actual = actual();
    let mut wrong = Vec::new();
    for (module, uses) in &actual {
        let Some(may) = allowed.get(module) else {
            wrong.push(format!("src/{module} is not in ARCHITECTURE.md's table"));
            continue;
        };
        for used in uses {
            if !may.contains(used) {
                wrong.push(format!(
                    "{module} uses {used}, which ARCHITECTURE.md does not allow"
                ));
            }
        }
    }
    for module in allowed.keys() {
        if !actual.contains_key(module) {
            wrong.push(format!(
                "ARCHITECTURE.md lists {module}, which is not in src/"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_architecture_has_no_cycle() {
    let allowed = allowed();
    // Peel off modules that use nothing left; whatever remains is on a cycle or uses one.
    let mut left: BTreeMap<String, BTreeSet<String>> = allowed.clone();
    loop {
        let done: Vec<String> = left
            .iter()
            .filter(|(_, uses)| uses.iter().all(|u| !left.contains_key(u)))
            .map(|(m, _)| m.clone())
            .collect();
        if done.is_empty() {
            break;
        }
        for m in done {
            left.remove(&m);
        }
    }
    assert!(
        left.is_empty(),
        "modules on a cycle, or using one: {:?}",
        left.keys().collect::<Vec<_>>()
    );
    for (module, uses) in &allowed {
        for used in uses {
            assert!(
                allowed.contains_key(used),
                "{module} may use {used}, which is not listed"
            );
        }
    }
}

#[test]
fn the_checks_see_imports_and_ignore_comments() {
    let code = code_of(
        "use crate::{api::x, client};\n// crate::commands in prose\nlet a = 1; // crate::cli\n",
    );
    assert!(code.contains("crate::{api::x, client}"));
    assert!(!code.contains("crate::commands") && !code.contains("crate::cli"));
}
