//! Giving memory back to the system.
//!
//! glibc's allocator keeps the memory a program frees for its next allocations, and hands
//! it back to the system only from the top of its heap. Parsing a large status file frees
//! tens of megabytes of parser events spread all over the heap, which would otherwise stay
//! resident for as long as the dashboard runs; [`release_free_memory`] asks glibc to return
//! every free page (`malloc_trim(0)`).
//!
//! serde_yaml also grows one list of events per document, doubling it as it goes: 25 MB
//! for a 1.8 MB file. In the heap, each doubling may copy the list to a new place while the
//! old one is still resident, and the peak of a load then depends on where earlier
//! allocations happened to lie (55 to 62 MB for the large set). [`tune_allocator`] has
//! every allocation of a megabyte or more mapped on its own, where it grows in place and
//! is returned as soon as it is freed: the peak is then 49 MB, every time, for some 0.1 s
//! more of page faults on a 16 MB set.

/// Allocations from this size up are mapped on their own (see [`tune_allocator`]).
pub const MAP_FROM_BYTES: usize = 1024 * 1024;

/// Has the allocator map every allocation of [`MAP_FROM_BYTES`] or more on its own (glibc
/// on Linux; nothing elsewhere). Call it once, first thing in `main`.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a number the allocator reads on later allocations; a
    // threshold of 1 MiB is within its accepted range (up to 32 MiB on 64-bit).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_FROM_BYTES as libc::c_int);
    }
}

/// Returns the allocator's free pages to the system, where the allocator can (glibc on
/// Linux); does nothing elsewhere. Costs 0.2 to 0.3 ms with the large set loaded.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists, under its lock; it
    // frees nothing the program still uses, and any argument is valid (0: keep no pad).
    unsafe {
        libc::malloc_trim(0);
    }
}
