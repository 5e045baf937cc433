import Foundation
import LLM
import Scenarios

/// The `flywheel run` options for scenarios whose generator or judge calls an LLM.
struct LLMRunOptions {
    var cache = LLMCacheMode.off
    /// nil: `llm-cache.jsonl.zst` in the results folder.
    var cacheFile: String?
    var baseURL: String?

    static let defaultCacheFile = "llm-cache.jsonl.zst"

    func options(directory: String) -> LLMOptions {
        LLMOptions(cache: cache, cachePath: cacheFile ?? directory + "/" + Self.defaultCacheFile, baseURL: baseURL)
    }

    /// After a complete run: saves the cache (record mode), writes `llm-usage.json` and notes the
    /// usage on the progress line's stream.
    func finish(_ service: LLMService, directory: String, progress: Progress) throws {
        try service.save()
        let usage = service.usage
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(
            String(decoding: try encoder.encode(usage), as: UTF8.self) + "\n", to: directory + "/llm-usage.json")
        for line in usage.lines { progress.note("llm \(line)") }
    }
}
