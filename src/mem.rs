//! Giving memory back to the system.
//!
//! glibc's allocator keeps the memory a program frees for its next allocations, and hands
//! it back to the system only from the top of its heap. Parsing a large status file frees
//! tens of megabytes of parser events spread all over the heap, which would otherwise stay
//! resident for as long as the dashboard runs; [`release_free_memory`] asks glibc to return
//! every free page (`malloc_trim(0)`).

/// Returns the allocator's free pages to the system, where the allocator can (glibc on
/// Linux); does nothing elsewhere. Costs about a millisecond on a heap of some tens of
/// megabytes.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists, under its lock; it
    // frees nothing the program still uses, and any argument is valid (0: keep no pad).
    unsafe {
        libc::malloc_trim(0);
    }
}
