import Corpora
import FlywheelCore
import Reports
import Store
import World
import WorldTruth

extension ReportLoader {
    /// The per-persona panels' rows: the run's stored `persona_activity` (counted as the run
    /// absorbed its feedback), or — for a run stored before schema 4, `stored` false — a re-read
    /// of every logged job (``rereadLogs(store:run:jobs:truths:judge:collects:)``).
    static func personaTallies(
        store: ResultsStore, run: Int64, jobs: [JobKey], stored: Bool, truths: [TicketID: TicketTruth], judge: Judge,
        collects: @escaping (String, SignalKind) -> Bool
    ) throws -> [PersonaTally] {
        let replicates = Dictionary(grouping: jobs, by: \.arm).mapValues(\.count)
        guard stored else {
            return try rereadLogs(store: store, run: run, jobs: jobs, truths: truths, judge: judge, collects: collects)
                .rows
        }
        return PersonaTally.combine(try store.personaActivity(run: run), replicates: replicates)
    }

    /// Re-reads every logged job of `run` window by window and tallies each persona's collected
    /// annotations, judged against `truths` and the judge's true quality of the logged replies:
    /// the same counts the run stores as it goes. A stored line that does not parse is an error
    /// naming the store, the job and the key.
    static func rereadLogs(
        store: ResultsStore, run: Int64, jobs: [JobKey], truths: [TicketID: TicketTruth], judge: Judge,
        collects: @escaping (String, SignalKind) -> Bool
    ) throws -> PersonaTallies {
        var tallies = PersonaTallies(
            truth: { truths[$0] }, quality: { judge.quality(of: $0, for: $1).total }, collects: collects)
        for job in jobs {
            try forEachLine(store: store, run: run, job: job) { iteration, line, _ in
                tallies.add(
                    try parse(line, store: store, job: job), arm: job.arm, replicate: job.replicate,
                    iteration: iteration)
            }
        }
        return tallies
    }

    /// The replies shown on each of `tickets` in `job`'s log (its last exposure of the ticket),
    /// by ticket id. Only exposure lines of one of them are parsed: the store's lines open with
    /// `{"kind":"exposure","ticket":"ID"` (the log's fixed field order), so the ticket is read
    /// off the front of each line.
    static func exampleReplies(store: ResultsStore, run: Int64, job: JobKey, tickets: Set<String>) throws -> [String: (
        a: String?, b: String?
    )] {
        guard !tickets.isEmpty else { return [:] }
        let prefix = Array(#"{"kind":"exposure","ticket":""#.utf8)
        var replies: [String: (a: String?, b: String?)] = [:]
        try forEachLine(store: store, run: run, job: job) { _, line, _ in
            let bytes = line.utf8
            guard bytes.starts(with: prefix) else { return }
            let rest = bytes.dropFirst(prefix.count)
            guard let end = rest.firstIndex(of: UInt8(ascii: "\"")),
                tickets.contains(String(decoding: rest[..<end], as: UTF8.self))
            else { return }
            if case .exposure(let e) = try parse(line, store: store, job: job), tickets.contains(e.ticket.rawValue) {
                replies[e.ticket.rawValue] = (e.textA, e.textB)
            }
        }
        return replies
    }

    /// Calls `body` with each line of `job`'s stored log: its window (iteration), the line and
    /// its number in the job's whole log.
    private static func forEachLine(
        store: ResultsStore, run: Int64, job: JobKey, _ body: (Int, Substring, Int) throws -> Void
    ) throws {
        var number = 0
        for window in try store.annotationLogWindows(run: run, job: job) {
            for raw in window.text.split(separator: "\n", omittingEmptySubsequences: true) {
                number += 1
                do {
                    try body(window.iteration, raw, number)
                } catch let error as LineError {
                    throw InputError(
                        file: store.path, line: number, field: error.field,
                        "annotation log of \(job.arm) replicate \(job.replicate): \(error.message)")
                }
            }
        }
    }

    private struct LineError: Error {
        var field: String?
        var message: String
    }

    private static func parse(_ line: Substring, store: ResultsStore, job: JobKey) throws -> AnnotationLogEntry {
        do throws(LogFieldError) {
            return try AnnotationLogEntry(jsonLine: String(line))
        } catch {
            throw LineError(field: error.field, message: error.message)
        }
    }
}
