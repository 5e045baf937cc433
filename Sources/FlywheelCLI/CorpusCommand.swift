import ArgumentParser

/// `flywheel corpus …`: generate, import, inspect, validate and export corpora.
struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate, import, inspect, validate and export corpora.",
        discussion: """
            A corpus is a folder with manifest.json, articles.jsonl.zst, tickets.jsonl.zst (time \
            order) and optionally annotations.jsonl.zst. Bad input exits with status 2 and names \
            the file, line and field.

            Examples:
              flywheel corpus validate corpora/marketplace
              flywheel corpus inspect corpora/marketplace
            """,
        subcommands: [
            CorpusGenerate.self,
            CorpusImport.self,
            CorpusInspect.self,
            CorpusValidate.self,
            CorpusExportQrels.self,
            CorpusBenchRead.self
        ]
    )
}
