import Corpora
import FlywheelCore

/// Joins a stored annotation log with its corpus' texts for `flywheel export --what dpo|sft|…`.
enum TrainingExportLoader {
    static func lines(
        _ format: TrainingFormat, log: String, store: String, corpus: String, filter: TrainingDataFilter
    ) throws -> [String] {
        var entries: [AnnotationLogEntry] = []
        for (i, line) in log.split(separator: "\n").enumerated() {
            do throws(LogFieldError) {
                entries.append(try AnnotationLogEntry(jsonLine: String(line)))
            } catch {
                throw InputError(
                    file: store, line: i + 1, field: error.field, "stored annotation log: \(error.message)")
            }
        }
        let reader = try CorpusReader(directory: corpus, verifyChecksums: false)
        var texts: [TicketID: String] = [:]
        var stream = try reader.tickets()
        while let r = try stream.next() { texts[r.ticket.id] = r.ticket.text }
        let articles = Dictionary(uniqueKeysWithValues: try reader.articles().map { ($0.id, $0) })
        return TrainingDataExport(entries: entries, ticketText: texts, articles: articles).lines(format, filter: filter)
    }
}
