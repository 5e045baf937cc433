import ArgumentParser
import FlywheelCore
import Foundation
import Store

/// `flywheel merge DB… --out DB`: combines shard stores into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine results stores (e.g. sweep shards) into one.",
        discussion: """
            Copies every run of each input store into --out (created if absent), with all its \
            iterations, metrics, annotations, model versions, knowledge-base events and sweep cells. \
            A run present in several inputs (same name) is accepted when its scenario hash, status \
            and metrics are identical, and refused otherwise (exit 2). When the merged store holds \
            sweep cells, sweep.csv is written beside it.

            Example:
              flywheel merge results/cp/shard-*-of-4.sqlite --out results/cp/sweep.sqlite
            """
    )

    @Argument(help: "The stores to merge.")
    var stores: [String]

    @Option(help: "The merged store.")
    var out: String

    @Flag(help: "No summary line.")
    var quiet = false

    func validate() throws {
        guard !stores.isEmpty else { throw ValidationError("give at least one store to merge") }
    }

    func run() throws {
        let outcome = try MergeCommand.merge(stores, into: out)
        if !quiet {
            print(
                "merged \(stores.count) stores into \(out): \(outcome.report.copied) runs copied, \(outcome.report.identical) identical duplicates"
            )
            if let csv = outcome.csv { print("sweep summary: \(csv)") }
        }
    }

    /// Merges `stores` into `out` and writes `sweep.csv` beside it when it holds sweep cells.
    static func merge(_ stores: [String], into out: String) throws -> (report: ResultsStore.MergeReport, csv: String?) {
        let fm = FileManager.default
        let outURL = URL(fileURLWithPath: out).standardizedFileURL
        for source in stores {
            guard fm.fileExists(atPath: source) else { throw InputError(file: source, "no results store here") }
            guard URL(fileURLWithPath: source).standardizedFileURL != outURL else {
                throw InputError(file: source, "is also the --out store; merge into a new file")
            }
        }
        let folder = outURL.deletingLastPathComponent().path
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try ResultsStore(path: out)
        let report = try store.merge(from: stores)
        guard try !store.sweepCells().isEmpty else { return (report, nil) }
        let csv = folder + "/sweep.csv"
        try writeAtomically(try SweepCSV.render(store: store), to: csv)
        return (report, csv)
    }
}
