import FlywheelCore
import Store

/// Whether stored results may be reused for a run with a given key: only on an exact key match.
enum RunReuse {
    /// Why `stored` cannot be reused for a run keyed `key`, or nil when it can.
    static func mismatch(_ stored: ResultsStore.RunInfo, key: RunKey) -> String? {
        guard let storedKey = stored.runKey else {
            return "they were stored without a run key (by an older flywheel)"
        }
        if storedKey == key.value { return nil }
        let changes = RunKey(partsJSON: stored.runKeyParts).map { key.changes(since: $0) } ?? []
        return "changed since they were made: " + (changes.isEmpty ? "the run key" : changes.joined(separator: ", "))
    }

    /// Throws an ``InputError`` (exit 2) naming what changed unless the store at `database`
    /// holds only run `name`, with exactly `key` (or no run at all).
    static func check(database: String, name: String, key: RunKey) throws {
        let runs = try ResultsStore(path: database).runs()
        if let other = runs.first(where: { $0.name != name }) {
            throw InputError(
                file: database,
                "holds results of run '\(other.name)', not '\(name)'; pass --force to replace them or use another --out folder"
            )
        }
        guard let stored = runs.first, let problem = mismatch(stored, key: key) else { return }
        throw InputError(
            file: database, "results of '\(name)' cannot be reused: \(problem); pass --force to replace them")
    }
}
