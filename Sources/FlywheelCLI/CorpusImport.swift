import ArgumentParser
import Corpora
import FlywheelCore

/// `flywheel corpus import`: BEIR folders or JSONL files with a field mapping → a corpus folder.
struct CorpusImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a BEIR folder, or JSONL files with a field mapping, as a corpus folder.",
        discussion: """
            BEIR: --beir FOLDER reads corpus.jsonl {_id,title,text}, queries.jsonl {_id,text} and \
            qrels/<split>.tsv (query-id corpus-id score). Only judged queries become tickets.

            Generic JSONL: --articles FILE and --tickets FILE, one JSON object per line (plain or \
            .zst). The --article-* and --ticket-* options name the input field for each corpus \
            field; paths may be dotted (meta.title) and commas join several fields' texts \
            (question,answer). The ticket relevant field may be an array of article ids (each \
            graded --default-grade), one id, or an object {id: grade}; nuggets may be strings or \
            {text, article} objects.

            Tickets without a time field get created_at synthesised in input order, from --start \
            every --interval; with one (--ticket-created-at) they are sorted by it.

            The corpus is written into a temporary folder beside --out and renamed into place at \
            the end, so a failure (bad input, disk full) leaves an existing corpus there intact.

            Examples:
              flywheel corpus import --beir ~/beir/scifact --split test --out corpora/scifact
              flywheel corpus import --articles kb.jsonl --article-body content \\
                  --tickets tasks.jsonl --ticket-text question --ticket-relevant required_documents \\
                  --name banking --license MIT --out corpora/banking
            """
    )

    @Option(help: "The corpus folder to write.")
    var out: String

    @Option(help: "The corpus name in the manifest (default: the last part of --out).")
    var name: String?
    @Option(help: "Where the data came from, for the manifest.")
    var source: String?
    @Option(help: "The data's licence, for the manifest.")
    var license = "unknown"
    @Option(help: "The first synthesised ticket time (ISO-8601).")
    var start = "2026-01-05T00:00:00Z"
    @Option(help: "Time between synthesised ticket times, e.g. 1h, 30m, 1d.")
    var interval = "1h"
    @Option(help: "zstd compression level (1-19).")
    var level = CorpusWriter.defaultCompressionLevel

    @Option(help: "A BEIR folder (corpus.jsonl, queries.jsonl, qrels/).")
    var beir: String?
    @Option(help: "BEIR qrels split to use (repeatable; default: all qrels/*.tsv).")
    var split: [String] = []

    @Option(help: "Articles JSONL file.")
    var articles: String?
    @Option(help: "Field of the article id.") var articleId = "id"
    @Option(help: "Field of the article title (may be absent in a line).") var articleTitle = "title"
    @Option(help: "Field(s) of the article body.") var articleBody = "body"
    @Option(help: "Field of the article topic.") var articleTopic = "topic"
    @Option(help: "Field of the article creation time.") var articleCreatedAt: String?
    @Option(help: "Field of the article introduction time.") var articleIntroducedAt: String?

    @Option(help: "Tickets JSONL file.")
    var tickets: String?
    @Option(help: "Field of the ticket id.") var ticketId = "id"
    @Option(help: "Field(s) of the ticket text.") var ticketText = "text"
    @Option(help: "Field of the ticket time (default: synthesised).") var ticketCreatedAt: String?
    @Option(help: "Field of the relevant article ids or {id: grade}.") var ticketRelevant = "relevant"
    @Option(help: "Field of the nuggets.") var ticketNuggets: String?
    @Option(help: "Field of the reference (human) reply.") var ticketReference: String?
    @Option(help: "Field of the conflicting article ids.") var ticketConflicting: String?
    @Option(help: "Field of the ticket channel.") var ticketChannel: String?
    @Option(help: "Field of the ticket locale.") var ticketLocale: String?
    @Option(help: "Grade of relevant articles listed without one.") var defaultGrade = 1

    func validate() throws {
        if beir == nil && (articles == nil || tickets == nil) {
            throw ValidationError("give either --beir FOLDER or both --articles FILE and --tickets FILE")
        }
        if beir != nil && (articles != nil || tickets != nil) {
            throw ValidationError("--beir cannot be combined with --articles/--tickets")
        }
    }

    func run() async throws {
        guard let startTime = Timestamp(iso8601: start) else {
            throw InputError(field: "--start", "expected an ISO-8601 time like 2026-01-05T00:00:00Z, got \"\(start)\"")
        }
        guard let step = SimDuration(parsing: interval), step.seconds > 0 else {
            throw InputError(
                field: "--interval", "expected a positive duration like 1h, 30m or 1d, got \"\(interval)\"")
        }
        let corpusName = name ?? String(out.split(separator: "/").last ?? "corpus")
        let command = (["flywheel"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let options = ImportOptions(
            name: corpusName, source: source ?? (beir ?? "\(articles!) + \(tickets!)"), license: license,
            command: command, start: startTime, interval: step, compressionLevel: level)
        // Written into a temporary sibling folder and renamed into place: a failure leaves an
        // existing corpus in --out intact.
        let manifest = try StagedDirectory.write(to: out) { staging in try importCorpus(into: staging, options: options)
        }
        print("imported \(manifest.counts.articles) articles and \(manifest.counts.tickets) tickets into \(out)")
    }

    func importCorpus(into directory: String, options: ImportOptions) throws -> Manifest {
        if let beir {
            return try BEIRImporter(folder: beir, splits: split).importCorpus(into: directory, options: options)
        } else {
            var m = JSONLImporter.Mapping(articles: articles!, tickets: tickets!)
            m.articleID = FieldPath(articleId)
            m.articleTitle = FieldPath(articleTitle)
            m.articleBody = FieldPath(articleBody)
            m.articleTopic = FieldPath(articleTopic)
            m.articleCreatedAt = articleCreatedAt.map(FieldPath.init)
            m.articleIntroducedAt = articleIntroducedAt.map(FieldPath.init)
            m.ticketID = FieldPath(ticketId)
            m.ticketText = FieldPath(ticketText)
            m.ticketCreatedAt = ticketCreatedAt.map(FieldPath.init)
            m.ticketRelevant = FieldPath(ticketRelevant)
            m.ticketNuggets = ticketNuggets.map(FieldPath.init)
            m.ticketReference = ticketReference.map(FieldPath.init)
            m.ticketConflicting = ticketConflicting.map(FieldPath.init)
            m.ticketChannel = ticketChannel.map(FieldPath.init)
            m.ticketLocale = ticketLocale.map(FieldPath.init)
            m.defaultGrade = defaultGrade
            return try JSONLImporter(mapping: m).importCorpus(into: directory, options: options)
        }
    }
}
