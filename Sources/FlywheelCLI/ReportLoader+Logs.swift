import Corpora
import FlywheelCore
import Reports
import Store
import World

extension ReportLoader {
    /// What the report takes from the run's annotation logs.
    struct LogReading {
        /// Per (arm, persona): volume, agent time, agreement with the truth.
        var tallies: [PersonaTally]
        /// The replies shown on each example ticket, by ticket id.
        var replies: [String: (a: String?, b: String?)]
    }

    /// Reads every logged job of `run` once: tallies each persona's collected annotations (judged against
    /// `truths` and the judge's true quality of the logged replies) and keeps the replies
    /// shown on `tickets` in job `examples`. A stored line that does not parse is an error
    /// naming the store, the job and the key.
    static func readLogs(
        store: ResultsStore, run: Int64, jobs: [JobKey], truths: [TicketID: TicketTruth], judge: Judge,
        collects: @escaping (String, SignalKind) -> Bool, examples: JobKey?, tickets: Set<String>
    ) throws -> LogReading {
        var tallies = PersonaTallies(truth: { truths[$0] }, quality: { judge.quality(of: $0, for: $1).total }, collects: collects)
        var replies: [String: (a: String?, b: String?)] = [:]
        for job in jobs {
            let (text, _) = try store.annotationLog(run: run, job: job)
            var line = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
                line += 1
                let entry: AnnotationLogEntry
                do throws(LogFieldError) {
                    entry = try AnnotationLogEntry(jsonLine: String(raw))
                } catch {
                    throw InputError(
                        file: store.path, line: line, field: error.field,
                        "annotation log of \(job.arm) replicate \(job.replicate): \(error.message)")
                }
                if job == examples, case .exposure(let e) = entry, tickets.contains(e.ticket.rawValue) {
                    replies[e.ticket.rawValue] = (e.textA, e.textB)
                }
                tallies.add(entry, arm: job.arm, replicate: job.replicate)
            }
        }
        return LogReading(tallies: tallies.rows, replies: replies)
    }
}
