import ArgumentParser

/// `flywheel corpus …`: generate, import, inspect, validate and export corpora.
struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate, import, inspect, validate and export corpora.",
        subcommands: [
            CorpusGenerate.self,
            CorpusImport.self,
            CorpusInspect.self,
            CorpusValidate.self,
            CorpusExportQrels.self,
            CorpusBenchRead.self,
        ]
    )
}
