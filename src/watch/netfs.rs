//! Finding whether a folder is on a network file system, whose changes made on other
//! machines send no events here: the loop then polls besides watching.

use std::path::Path;

/// File systems whose changes made elsewhere send no events to this machine.
const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "virtiofs",
    "vboxsf",
    "drvfs",
    "prl_fs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.gcsfuse",
    "fuse.glusterfs",
    "fuse.vmhgfs-fuse",
    "fuse.davfs2",
    "davfs",
];

/// The network file system `folder` lives on, if it is on one (Linux only).
pub(super) fn network_fs(folder: &Path) -> Option<String> {
    let real = std::fs::canonicalize(folder).ok()?;
    let table = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let fs = fs_type(&table, &real)?;
    NETWORK_FS.contains(&fs.as_str()).then_some(fs)
}

/// The type of the file system that holds `path`, from the text of
/// `/proc/self/mountinfo`: the last (innermost) mount whose mount point is above it.
fn fs_type(mountinfo: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(mount_point) = fields.get(4) else {
            continue;
        };
        let Some(dash) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        let Some(fs) = fields.get(dash + 1) else {
            continue;
        };
        let mount_point = unescape_octal(mount_point);
        let depth = Path::new(&mount_point).components().count();
        if path.starts_with(&mount_point) && best.as_ref().is_none_or(|(d, _)| depth >= *d) {
            best = Some((depth, (*fs).to_owned()));
        }
    }
    best.map(|(_, fs)| fs)
}

/// Mount points write spaces and the like as `\040`.
fn unescape_octal(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            out.push((b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0'));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_file_system_of_a_path() {
        let table = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - nfs4 srv:/export rw,vers=4.2
41 40 0:36 / /mnt/share/local\\040disk rw - tmpfs tmpfs rw
";
        assert_eq!(fs_type(table, Path::new("/srv/a")).as_deref(), Some("ext4"));
        assert_eq!(
            fs_type(table, Path::new("/mnt/share/status")).as_deref(),
            Some("nfs4")
        );
        assert_eq!(
            fs_type(table, Path::new("/mnt/share/local disk/x")).as_deref(),
            Some("tmpfs")
        );
        assert_eq!(
            fs_type(table, Path::new("/mnt/shared")).as_deref(),
            Some("ext4")
        );
    }
}
