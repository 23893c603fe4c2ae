import Foundation

/// glibc's `mallopt` (malloc.h is not part of Swift's Glibc module).
@_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// The service keeps two malloc arenas unless `MALLOC_ARENA_MAX` says otherwise. glibc gives
/// each thread that allocates under contention an arena of its own, up to 8 per core; the
/// renders run on GCD's threads, so the pipelines' caches and each letter's buffers spread over
/// many arenas, each with its own free memory, and the resident size kept creeping up over ten
/// minutes of distinct letters; with two it stayed flat (Benchmarks/README.md, issue 13).
/// Set before the first thread starts, so `brev serve` run by hand behaves as `scripts/serve.sh`.
/// Release builds allocate with jemalloc (Package.swift), which this leaves alone: its memory
/// stayed flat over ten minutes of distinct letters by itself (Benchmarks/README.md).
enum MallocArenas {
    /// malloc.h's `M_ARENA_MAX`.
    private static let arenaMaxParameter: Int32 = -8
    static let serviceDefault: Int32 = 2

    static func limitUnlessConfigured() {
        guard getenv("MALLOC_ARENA_MAX") == nil else { return }
        _ = glibcMallopt(arenaMaxParameter, serviceDefault)
    }
}
