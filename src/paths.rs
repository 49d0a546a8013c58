//! Paths as they are written: made absolute, `.` and `..` resolved by name, and whether
//! two spellings name the same file. Neutral: used by the watcher, the loader's reload
//! and `check`.

use std::path::{Component, Path, PathBuf};

/// `p` made absolute against the working folder, with `.` and `..` resolved by name.
pub fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        return normalize(p);
    }
    match std::env::current_dir() {
        Ok(cwd) => normalize(&cwd.join(p)),
        Err(_) => normalize(p),
    }
}

/// `p` with `.` and `..` resolved by name.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// True when `a` and `b` name the same file, however each is written: relative or
/// absolute, with `.` or `..`, or through a symbolic link (both must exist for that).
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b || absolute(a) == absolute(b) {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_absolute_spellings_match() {
        let cwd = std::env::current_dir().unwrap();
        let rel = Path::new("./cfg/../cfg/status/q.yaml");
        assert!(same_file(rel, &cwd.join("cfg/status/q.yaml")));
        assert!(same_file(Path::new("cfg/status/q.yaml"), rel));
        assert!(!same_file(
            Path::new("cfg/status/q.yaml"),
            Path::new("cfg/q.yaml")
        ));
        assert_eq!(normalize(Path::new("/a/./b/../c")), Path::new("/a/c"));
    }

    #[test]
    fn links_to_the_same_file_match() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("q.yaml"), "version: 1\n").unwrap();
        let link = dir.path().join("link");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&real, &link).unwrap();
            assert!(same_file(&link.join("q.yaml"), &real.join("q.yaml")));
        }
        assert!(!same_file(&real.join("q.yaml"), &real.join("gone.yaml")));
    }
}
