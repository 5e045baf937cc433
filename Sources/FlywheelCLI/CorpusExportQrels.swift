import ArgumentParser
import Corpora
import FlywheelCore
import Foundation

/// `flywheel corpus export-qrels DIR [--out FILE]`: TREC qrels for trec_eval or ranx.
struct CorpusExportQrels: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-qrels",
        abstract: "Write a corpus' relevance judgments as TREC qrels (qid 0 docid grade).",
        discussion: """
            One line per judged (ticket, article) pair, tickets in corpus (time) order, articles \
            sorted by id. Writes to standard output unless --out is given.

            Example:
              flywheel corpus export-qrels corpora/marketplace --out results/marketplace.qrels
              trec_eval -m recall.75 results/marketplace.qrels my-run.trec
            """
    )

    @Argument(help: "The corpus folder.")
    var directory: String

    @Option(help: "The qrels file to write (default: standard output).")
    var out: String?

    @Flag(help: "Leave out judgments with grade 0 (judged not relevant).")
    var skipZeroGrades = false

    func run() async throws {
        let corpus = try CorpusReader(directory: directory)
        var text = ""
        var count = 0
        func flush() throws {
            if let out {
                guard let h = FileHandle(forWritingAtPath: out) else { throw InputError(file: out, "cannot write") }
                h.seekToEndOfFile()
                h.write(Data(text.utf8))
                try h.close()
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            text = ""
        }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: nil) else {
                throw InputError(file: out, "cannot create")
            }
        }
        try TRECQrelsExporter.lines(from: corpus, includeZeroGrades: !skipZeroGrades) { line in
            text += line
            text += "\n"
            count += 1
            if text.utf8.count > 1 << 20 { try flush() }
        }
        try flush()
        if let out {
            var err = StandardError()
            print("wrote \(count) judgments to \(out)", to: &err)
        }
    }
}
