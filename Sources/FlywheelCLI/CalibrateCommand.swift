import ArgumentParser
import Calibration
import Corpora
import FlywheelCore
import Foundation
import World
import WorldTruth

/// `flywheel calibrate --corpus C --annotations LOG --out DIR`: personas fitted to a log.
struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract:
            "Fit personas to an annotation log by maximum likelihood, group agents into k personas (BIC), and check the fit by re-simulation.",
        discussion: """
            Reads the log (docs/annotations.md) and the corpus it was logged on, fits every \
            persona behaviour the log shows per group of agents, and writes DIR/personas/NAME.yaml \
            (accepted by `flywheel persona validate`), DIR/population.yaml, DIR/agents.csv (agent, \
            persona) and, last, DIR/fidelity.md: the choice of k, the fitted parameters and \
            logged-versus-re-simulated annotation statistics, each with a chi-square test. See \
            docs/calibration.md for the likelihoods and what a log cannot identify.

            Example:
              flywheel calibrate --corpus corpora/marketplace --annotations logs/aitl.jsonl.zst --out results/calibrated
            """
    )

    @Option(help: "The corpus folder the log was recorded on (its truth is what the agents are compared with).")
    var corpus: String
    @Option(help: "The annotation log (JSONL, plain or .zst).")
    var annotations: String
    @Option(help: "Output folder.")
    var out: String
    @Option(help: "Try 1…this many personas; BIC picks k.")
    var maxK = 6
    @Option(help: "Seed of the grouping's k-means start and of the re-simulation.")
    var seed: UInt64 = 1
    @Option(help: "Fitted personas are named PREFIX-1, PREFIX-2, … (most agents first).")
    var namePrefix = "calibrated"

    func run() async throws {
        guard maxK >= 1 else { throw InputError(field: "--max-k", "\(maxK) is out of range: expected at least 1") }
        let (ticketIDs, articleIDs) = try CorpusIDs.read(corpus)
        let log = try AnnotationLogReader.read(annotations, tickets: ticketIDs, articles: articleIDs)
        let wanted = Set(log.annotations.keys)
        var records: [TicketID: TicketRecord] = [:]
        var stream = try CorpusReader(directory: corpus, verifyChecksums: false).tickets()
        while records.count < wanted.count, let r = try stream.next() {
            if wanted.contains(r.ticket.id) { records[r.ticket.id] = r }
        }
        let started = Date()
        let calibration = try Calibration.run(
            log: log, records: records, options: .init(maxK: maxK, seed: seed, namePrefix: namePrefix))

        try makeDirectory(out + "/personas")
        for p in calibration.personas {
            try writeAtomically(try p.yamlText() + "\n", to: "\(out)/personas/\(p.name).yaml")
        }
        try writeAtomically(calibration.populationYAML, to: out + "/population.yaml")
        let rows = calibration.agentPersona.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            "\($0.key.rawValue),\($0.value)"
        }
        try writeAtomically((["agent,persona"] + rows).joined(separator: "\n") + "\n", to: out + "/agents.csv")
        try writeAtomically(calibration.markdown(logPath: annotations, corpusPath: corpus), to: out + "/fidelity.md")

        let passed = calibration.fidelity.filter(\.passes).count
        print(
            "\(calibration.personas.count) personas from \(calibration.data.agentIDs.count) agents, \(calibration.data.annotationCount) annotations "
                + "(\(String(format: "%.1f", Date().timeIntervalSince(started))) s); fidelity: \(passed) of \(calibration.fidelity.count) tests pass; wrote \(out)/"
        )
    }
}
