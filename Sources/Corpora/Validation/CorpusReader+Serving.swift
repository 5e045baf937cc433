import FlywheelCore

extension CorpusReader {
    /// Streams every record through the checks of `corpus validate` — unique article and ticket
    /// ids, articles that exist wherever a ticket or annotation names one, grades that are not
    /// negative, tickets in time order — and throws the first problem with its file, line and
    /// field, so `run` never serves what `corpus validate` would refuse.
    ///
    /// Memory holds the ids only; the tickets are read once more than serving reads them.
    ///
    /// ```swift
    /// let corpus = try CorpusReader(directory: "corpora/marketplace")
    /// try corpus.checkRecords()   // InputError: tickets.jsonl.zst:7: id: duplicate ticket id …
    /// ```
    public func checkRecords() throws {
        var run = ValidationRun(directory: directory, maxIssues: 1)
        run.checkRecords(annotations: manifest.files[CorpusFile.annotations.fileName] != nil)
        guard var first = run.issues.first else { return }
        first.message += " (flywheel corpus validate \(directory) lists every problem)"
        throw first
    }
}
