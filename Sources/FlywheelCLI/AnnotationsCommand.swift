import ArgumentParser

/// `flywheel annotations …`: import and validate annotation logs (docs/annotations.md).
struct AnnotationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotations",
        abstract: "Import and validate logs of agent feedback (docs/annotations.md).",
        discussion: """
            An annotation log is JSONL (plain or .zst): exposure lines (what a ticket was shown: \
            articles and replies A/B) and one line per annotation (preference, adoption, \
            relevance, missing_knowledge) with ticket, agent and time. `flywheel export RESULTS \
            --what annotations` writes one from a run; an arm with `feedback: logged` replays one.

            Examples:
              flywheel annotations import --input marks.csv --set kind=relevance --map ticket=case_id --out logs/marks.jsonl
              flywheel annotations validate logs/marks.jsonl --corpus corpora/marketplace
            """,
        subcommands: [AnnotationsImport.self, AnnotationsValidate.self]
    )
}
