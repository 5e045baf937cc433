import ArgumentParser
import FlywheelCore
import Foundation
import ProcessStages
import Retrieval
import Scenarios

/// `flywheel plugin serve retriever`: the builtin first stage behind the process protocol, as a
/// plugin (`command: [flywheel, plugin, serve, retriever]`). The reference for the boundary's
/// own cost: the same model as `kind: builtin`, so a run gives the same numbers either way and
/// the CPU difference is the process, the pipes and the JSON (BENCHMARKS.md, "Process boundary").
struct PluginGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Serve a builtin stage behind the process protocol (docs/protocol.md).",
        discussion: """
            Examples:
              flywheel plugin serve retriever
            """,
        subcommands: [PluginServeCommand.self])
}

struct PluginServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer the process protocol on stdin/stdout with a builtin stage.",
        discussion: """
            Flywheel starts it as a plugin; it reads one request a line on standard input and \
            writes one reply a line on standard output (protocol versions 1 to 5).

            Examples:
              flywheel plugin serve retriever < session.jsonl

            In a scenario:
              system:
                retriever:
                  kind: process
                  process: {command: [flywheel, plugin, serve, retriever]}
            """)

    /// The stages it can serve.
    enum Stage: String, CaseIterable, ExpressibleByArgument {
        case retriever
    }

    @Argument(help: "The stage to serve: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).")
    var stage: Stage

    func run() throws {
        switch stage {
        case .retriever:
            // The process' analysis memos, as a run's (`RunCaches`) are the builtin's: a plugin
            // process serves one run's jobs, which retrieve for the same tickets. Pure, so the
            // lists are the same with or without them.
            let memos = AnalysisMemos()
            var server = RetrieverServer(name: "flywheel-builtin-retriever") { settings, published in
                try ScenarioAssembly.builtinRetriever(settings: settings, published: published, memos: memos)
            }
            try server.serve()
        }
    }
}
