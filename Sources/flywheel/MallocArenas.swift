#if canImport(Glibc)
    import Glibc
#endif

/// The process's malloc arenas (glibc only; elsewhere nothing is changed).
///
/// glibc gives each thread that finds the arenas busy an arena of its own, up to eight per
/// core. The serving threads (`--jobs 2`) are GCD workers that come and go, so a long run
/// spreads its heap over several arenas, and memory freed in one arena serves no allocation of
/// another: the old binary's simulated year peaked at 619–695 MB RSS with `--jobs 2` (586 MB
/// with `--jobs 1`), 585 MB with `MALLOC_ARENA_MAX=1`, the same `metrics.csv` each time. One
/// arena costs CPU, though (the two serving threads wait on its lock: +19% CPU and +24% wall on
/// the year); two arenas keep most of the saving at no measured cost (BENCHMARKS.md, growth
/// curves).
///
/// A `MALLOC_ARENA_MAX` set in the environment wins (glibc reads it at the first allocation):
/// this only sets the limit when the environment does not.
enum MallocArenas {
    /// glibc's `M_ARENA_MAX` (malloc.h), which Swift's Glibc module does not export.
    static let arenaMaxOption: Int32 = -8
    /// Arenas allowed.
    static let limit: Int32 = 2

    /// Limits the arenas to ``limit`` unless `MALLOC_ARENA_MAX` is set; call before any thread
    /// is started. Returns whether the limit was set.
    @discardableResult
    static func limitUnlessConfigured() -> Bool {
        #if canImport(Glibc)
            guard getenv("MALLOC_ARENA_MAX") == nil else { return false }
            // mallopt is not exported by the Glibc module either: found by name in the process
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return false }
            return unsafeBitCast(symbol, to: MallOpt.self)(arenaMaxOption, limit) == 1
        #else
            return false
        #endif
    }
}
