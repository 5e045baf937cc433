#if canImport(Glibc)
    import Glibc
#endif

/// The size from which glibc's malloc maps an allocation on its own pages (glibc only;
/// elsewhere nothing is changed).
///
/// glibc starts at 128 KiB and raises the threshold to the size of every mapped block that is
/// freed, up to 32 MiB, so after the first retraining frees its large arrays (the prior's
/// tables, the expansion model's rows, the store's buffers), arrays of up to tens of MB come
/// from the arenas' heaps, where a freed block below a live one stays resident: over a run of
/// weekly retrainings the heaps fill with such holes. A fixed threshold keeps large arrays on
/// pages of their own, returned to the system when freed (BENCHMARKS.md, growth curves).
///
/// A `MALLOC_MMAP_THRESHOLD_` (or `GLIBC_TUNABLES`) set in the environment wins: this only
/// sets the threshold when the environment sets neither.
enum MallocThreshold {
    /// glibc's `M_MMAP_THRESHOLD` (malloc.h), which Swift's Glibc module does not export.
    static let mmapThresholdOption: Int32 = -3
    /// Bytes from which an allocation is mapped.
    static let bytes: Int32 = 256 * 1024

    /// Sets the threshold to ``bytes`` unless the environment configures malloc; call before
    /// any thread is started. Returns whether it was set.
    @discardableResult
    static func fixUnlessConfigured() -> Bool {
        #if canImport(Glibc)
            guard getenv("MALLOC_MMAP_THRESHOLD_") == nil, getenv("GLIBC_TUNABLES") == nil else { return false }
            // mallopt is not exported by the Glibc module: found by name in the process
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return false }
            return unsafeBitCast(symbol, to: MallOpt.self)(mmapThresholdOption, bytes) == 1
        #else
            return false
        #endif
    }
}
