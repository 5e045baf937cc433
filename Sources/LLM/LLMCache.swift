import FlywheelCore
import Foundation

/// What `flywheel run --llm-cache` does with recorded LLM answers.
public enum LLMCacheMode: String, CaseIterable, Sendable {
    /// Every request goes to the endpoint; nothing is read or written.
    case off
    /// Answers already in the cache file are reused; the others are fetched and added to it.
    case record
    /// Every answer comes from the cache file; a request it lacks ends the run (exit 2).
    case replay
}

/// Recorded chat completion answers keyed by ``ChatRequest/key`` (SHA-256 of the canonical
/// request JSON), in a zstd-compressed JSON-lines file: one entry per line with the key, what
/// asked (`purpose`), the request and the answer, sorted by key so the same answers always make
/// the same file.
final class LLMCache: Sendable {
    struct Entry: Codable, Sendable {
        var key: String
        var purpose: String
        var request: ChatRequest
        var answer: ChatAnswer
    }

    let path: String
    private let entries: Locked<[String: Entry]>

    /// The cache in `path`, empty when the file does not exist; an ``InputError`` naming the file
    /// and line when it is not a cache file.
    init(path: String) throws {
        self.path = path
        entries = Locked(try Self.load(path))
    }

    /// The entries of the cache file at `path`, none when it does not exist.
    private static func load(_ path: String) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        guard FileManager.default.fileExists(atPath: path) else { return entries }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the LLM cache")
        }
        let text = try ZstdData.decompress([UInt8](data), path: path)
        let decoder = JSONDecoder()
        for (i, line) in text.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            do {
                let entry = try decoder.decode(Entry.self, from: Data(line))
                entries[entry.key] = entry
            } catch {
                throw InputError(file: path, line: i + 1, "not an LLM cache entry (key, purpose, request, answer)")
            }
        }
        return entries
    }

    var count: Int { entries.withLock { $0.count } }

    func answer(for key: String) -> ChatAnswer? {
        entries.withLock { $0[key]?.answer }
    }

    /// Adds an answer unless the key already has one, and returns the one kept: when two jobs
    /// fetched the same request at once, both use the first recorded answer, as a replay would.
    func record(_ entry: Entry) -> ChatAnswer {
        entries.withLock {
            if let kept = $0[entry.key] { return kept.answer }
            $0[entry.key] = entry
            return entry.answer
        }
    }

    /// Writes every entry, sorted by key, to a temporary file renamed over ``path``.
    func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text: [UInt8] = []
        for entry in entries.withLock({ $0.values.sorted { $0.key < $1.key } }) {
            text += try encoder.encode(entry)
            text.append(UInt8(ascii: "\n"))
        }
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(ZstdData.compress(text))) else {
            throw InputError(file: temporary, "cannot write the LLM cache")
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw InputError(file: path, "cannot write the LLM cache: \(error.localizedDescription)")
        }
    }
}
