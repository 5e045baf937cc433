import FlywheelCore
import Foundation
import WorldTruth

/// Imports a BEIR folder (Thakur et al., "BEIR: A Heterogeneous Benchmark for Zero-shot
/// Evaluation of Information Retrieval Models", NeurIPS 2021 Datasets track):
///
/// - `corpus.jsonl` — `{"_id","title","text"}` → articles (`title` may be empty; a `topic` or
///   `metadata.topic` is kept);
/// - `queries.jsonl` — `{"_id","text"}` → tickets, in file order;
/// - `qrels/<split>.tsv` — header `query-id corpus-id score`, then one judgment per line →
///   each ticket's `relevant` grades. Columns are split on tabs only, so ids containing spaces
///   survive.
///
/// Only queries judged in the chosen splits become tickets. A query's `created_at` (top level or
/// in `metadata`) is used when present — tickets are then sorted by it, stably — otherwise
/// times are synthesised in file order from ``ImportOptions/start`` every
/// ``ImportOptions/interval``. Any of the files may be zstd-compressed (`.jsonl.zst`).
///
/// ```swift
/// let manifest = try BEIRImporter(folder: "scifact", splits: ["test"])
///     .importCorpus(into: "corpora/scifact", options: options)
/// ```
public struct BEIRImporter: Sendable {
    public let folder: String
    /// Which `qrels/<split>.tsv` to read; empty means every `.tsv` in `qrels/`, sorted by name.
    public var splits: [String]

    public init(folder: String, splits: [String] = []) {
        self.folder = folder
        self.splits = splits
    }

    func locate(_ base: String) throws -> String {
        for name in [base, base + ".zst"] {
            let p = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        throw InputError(
            file: folder.appendingPathComponent(base),
            "missing: a BEIR folder needs corpus.jsonl, queries.jsonl and qrels/<split>.tsv")
    }

    func qrelsFiles() throws -> [String] {
        let dir = folder.appendingPathComponent("qrels")
        if !splits.isEmpty {
            return try splits.map { split in
                let p = dir.appendingPathComponent("\(split).tsv")
                guard FileManager.default.fileExists(atPath: p) else {
                    throw InputError(file: p, "missing qrels split \"\(split)\"")
                }
                return p
            }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let tsv = names.filter { $0.hasSuffix(".tsv") }.sorted()
        guard !tsv.isEmpty else { throw InputError(file: dir, "no qrels/<split>.tsv files") }
        return tsv.map { dir.appendingPathComponent($0) }
    }

    /// Reads the folder and writes the corpus into `directory`.
    public func importCorpus(into directory: String, options: ImportOptions) throws -> Manifest {
        // Articles: streamed straight into the writer; ids kept to check the qrels.
        let corpusPath = try locate("corpus.jsonl")
        let queriesPath = try locate("queries.jsonl")
        let qrels = try qrelsFiles()
        var writer = try options.makeWriter(directory: directory)
        let corpus = try LineReader(path: corpusPath)
        var articleIDs: Set<ArticleID> = []
        while let obj = try corpus.nextObject() {
            let id = try FieldPath("_id").requiredText(in: obj, file: corpusPath, line: corpus.lineNumber)
            let title = try FieldPath("title").optionalText(in: obj, file: corpusPath, line: corpus.lineNumber) ?? ""
            let text = try FieldPath("text").requiredText(in: obj, file: corpusPath, line: corpus.lineNumber)
            let topic =
                try FieldPath("topic").optionalText(in: obj, file: corpusPath, line: corpus.lineNumber)
                ?? FieldPath("metadata.topic").optionalText(in: obj, file: corpusPath, line: corpus.lineNumber)
            guard articleIDs.insert(ArticleID(id)).inserted else {
                throw InputError(file: corpusPath, line: corpus.lineNumber, field: "_id", "duplicate id \"\(id)\"")
            }
            try writer.write(Article(id: ArticleID(id), title: title, body: text, topic: topic))
        }

        // Judgments.
        var relevant: [TicketID: [ArticleID: Int]] = [:]
        for path in qrels {
            let reader = try LineReader(path: path)
            while let fields = try reader.nextLine({
                String(validating: $0, as: UTF8.self).map(BEIRImporter.qrelsFields)
            }) {
                guard let fields else { throw InputError(file: path, line: reader.lineNumber, "invalid UTF-8") }
                if fields.isEmpty { continue }
                if reader.lineNumber == 1 && fields.first == "query-id" { continue }
                guard fields.count >= 3 else {
                    throw InputError(
                        file: path, line: reader.lineNumber,
                        "expected three tab-separated columns: query-id corpus-id score")
                }
                let article = ArticleID(fields[1])
                guard articleIDs.contains(article) else {
                    throw InputError(
                        file: path, line: reader.lineNumber, field: "corpus-id",
                        "unknown article \"\(article)\" (not in corpus.jsonl)")
                }
                guard let grade = Int(fields[2]) else {
                    throw InputError(
                        file: path, line: reader.lineNumber, field: "score",
                        "expected an integer grade, got \"\(fields[2])\"")
                }
                relevant[TicketID(fields[0]), default: [:]][article] = max(
                    grade, relevant[TicketID(fields[0])]?[article] ?? grade)
            }
        }

        // Tickets: the judged queries in file order.
        let queries = try LineReader(path: queriesPath)
        var tickets: [(Ticket, Int)] = []
        var seen: Set<TicketID> = []
        var anyTime = false, allTimes = true
        while let obj = try queries.nextObject() {
            let line = queries.lineNumber
            let id = TicketID(try FieldPath("_id").requiredText(in: obj, file: queriesPath, line: line))
            guard seen.insert(id).inserted else {
                throw InputError(file: queriesPath, line: line, field: "_id", "duplicate id \"\(id)\"")
            }
            guard relevant[id] != nil else { continue }
            let text = try FieldPath("text").requiredText(in: obj, file: queriesPath, line: line)
            var time = try FieldPath("created_at").optionalTimestamp(in: obj, file: queriesPath, line: line)
            if time == nil {
                time = try FieldPath("metadata.created_at").optionalTimestamp(in: obj, file: queriesPath, line: line)
            }
            anyTime = anyTime || time != nil
            allTimes = allTimes && time != nil
            tickets.append(
                (Ticket(id: id, createdAt: time ?? options.synthesisedTime(tickets.count), text: text), line))
        }
        if anyTime && !allTimes {
            throw InputError(
                file: queriesPath, field: "created_at",
                "some queries have created_at and some do not; give it on all or none")
        }
        if let missing = relevant.keys.sorted().first(where: { !seen.contains($0) }) {
            throw InputError(field: "query-id", "qrels name query \"\(missing)\", which is not in \(queriesPath)")
        }
        for (ticket, _) in tickets.stableSorted(by: { $0.0.createdAt < $1.0.createdAt }) {
            try writer.write(
                TicketRecord(
                    ticket: ticket, truth: TicketTruth(ticket: ticket.id, relevant: relevant[ticket.id] ?? [:])))
        }
        return try writer.finish()
    }
}

extension BEIRImporter {
    /// The columns of one qrels line: split on tabs only (ids may contain spaces), a trailing
    /// carriage return dropped; empty for a blank line.
    static func qrelsFields(_ line: String) -> [String] {
        var text = Substring(line)
        if text.last == "\r" { text = text.dropLast() }
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return [] }
        return text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
}

extension Array {
    /// Sorted by `less`, keeping the input order of equal elements.
    func stableSorted(by less: (Element, Element) -> Bool) -> [Element] {
        enumerated().sorted { a, b in
            less(a.element, b.element) || (!less(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }
}
