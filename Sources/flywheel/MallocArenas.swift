#if canImport(Glibc)
    import Glibc
#endif

/// How many heaps (arenas) glibc's malloc keeps: one per core (glibc only; elsewhere nothing
/// is changed).
///
/// glibc gives a thread that finds the arenas busy an arena of its own, up to eight per core,
/// and an arena's free space stays resident. A job with a second thread now computes each
/// window's suggestions on a dispatch thread while its own thread takes the window before
/// (`JobRunner+ServingAhead.swift`), so more threads allocate at once, each of them sometimes a
/// different worker: the simulated year's peak RSS went from 389 to 494 MB with the default
/// arenas and to 448 MB with one arena per core, the CPU unchanged within the noise
/// (BENCHMARKS.md, "Full loop", eighth round).
///
/// A `MALLOC_ARENA_MAX` (or `GLIBC_TUNABLES`) set in the environment wins.
enum MallocArenas {
    /// glibc's `M_ARENA_MAX` (malloc.h), which Swift's Glibc module does not export.
    static let arenaMaxOption: Int32 = -8

    /// Arenas at most: one per core, at least 2.
    static var count: Int32 {
        #if canImport(Glibc)
            return Int32(max(2, min(64, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))))
        #else
            return 2
        #endif
    }

    /// Caps the arenas at ``count`` unless the environment configures them; call before any
    /// thread is started. Returns whether it was set.
    @discardableResult
    static func capUnlessConfigured() -> Bool {
        #if canImport(Glibc)
            guard getenv("MALLOC_ARENA_MAX") == nil, getenv("GLIBC_TUNABLES") == nil else { return false }
            // mallopt is not exported by the Glibc module: found by name in the process
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return false }
            return unsafeBitCast(symbol, to: MallOpt.self)(arenaMaxOption, count) == 1
        #else
            return false
        #endif
    }
}
