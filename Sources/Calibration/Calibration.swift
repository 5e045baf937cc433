import FlywheelCore
import World
import WorldTruth

/// `flywheel calibrate`'s library: persona behaviours fitted by maximum likelihood from an
/// annotation log and its corpus, agents grouped into k personas (k by BIC), and a fidelity
/// check — the log re-simulated by the fitted personas on the same exposures, each annotation
/// statistic compared with a chi-square test (docs/calibration.md).
///
/// ```swift
/// let c = try Calibration.run(log: log, records: records, options: .init(maxK: 5))
/// c.personas            // fitted personas, most common first (`persona validate` accepts them)
/// c.fidelity.allSatisfy(\.passes)
/// ```
public struct Calibration: Sendable {
    public struct Options: Sendable {
        public var maxK: Int
        public var seed: UInt64
        public var namePrefix: String
        /// Family-wise level of the fidelity tests (Bonferroni over all rows).
        public var alpha: Double
        public var judge: Judge
        public init(
            maxK: Int = 6, seed: UInt64 = 1, namePrefix: String = "calibrated", alpha: Double = 0.05,
            judge: Judge = Judge()
        ) {
            self.maxK = maxK
            self.seed = seed
            self.namePrefix = namePrefix
            self.alpha = alpha
            self.judge = judge
        }
    }

    /// One statistic of one persona group (or `all`), logged against re-simulated.
    public struct FidelityRow: Sendable {
        public var statistic: FidelityStatistic
        public var group: String
        public var logged: [Int]
        public var resimulated: [Int]
        public var test: ChiSquareTest
        /// Whether p ≥ alpha / (number of rows).
        public var passes: Bool
    }

    public var options: Options
    public var data: CalibrationData
    public var grouping: PersonaGrouping
    public var personas: [Persona]
    public var agentPersona: [AgentID: String]
    public var fidelity: [FidelityRow]

    public static func run(log: AnnotationLog, records: [TicketID: TicketRecord], options: Options = .init()) throws
        -> Calibration
    {
        let data = try CalibrationData(log: log, records: records, judge: options.judge)
        guard data.workedTicketCount > 0 else {
            throw InputError(
                file: log.source, "the log has no agent annotations on tickets of the corpus: nothing to calibrate")
        }
        let grouping = PersonaGrouping.fit(data, maxK: options.maxK, seed: options.seed)
        var personas: [Persona] = []
        var byAgent: [AgentID: Persona] = [:]
        var names: [AgentID: String] = [:]
        for (i, g) in grouping.groups.enumerated() {
            let name = "\(options.namePrefix)-\(i + 1)"
            let p = g.estimate.persona(
                name: name,
                description:
                    "Fitted by flywheel calibrate from \(g.agents.count) agents, \(g.agents.reduce(0) { $0 + (data.agents[$1]?.count ?? 0) }) worked tickets."
            )
            try p.validate(file: name + ".yaml")
            personas.append(p)
            for a in g.agents {
                byAgent[a] = p
                names[a] = name
            }
        }
        let resim = try data.resimulated(personas: byAgent, judge: options.judge, seed: options.seed)
        var rows: [FidelityRow] = []
        let groups =
            [("all", data.agentIDs)] + zip(personas.map(\.name), grouping.groups.map(\.agents)).map { ($0, $1) }
        for (name, members) in groups where !(name != "all" && groups.count == 2) {
            let logged = members.flatMap { data.agents[$0] ?? [] }
            let again = members.flatMap { resim.agents[$0] ?? [] }
            for s in FidelityStatistic.allCases {
                let a = s.counts(logged)
                let b = s.counts(again)
                rows.append(
                    FidelityRow(
                        statistic: s, group: name, logged: a, resimulated: b, test: ChiSquareTest(a, b), passes: true))
            }
        }
        let level = options.alpha / Double(max(1, rows.count))
        for i in rows.indices { rows[i].passes = rows[i].test.pValue >= level }
        return Calibration(
            options: options, data: data, grouping: grouping, personas: personas, agentPersona: names, fidelity: rows)
    }

    /// The per-test level of the fidelity rows (Bonferroni).
    public var fidelityLevel: Double { options.alpha / Double(max(1, fidelity.count)) }

    /// The fitted population: each persona weighted by its share of the agents.
    public var populationYAML: String {
        let total = Double(max(1, agentPersona.count))
        var lines = ["# Fitted by flywheel calibrate: each persona's share of the log's agents.", "population:"]
        for (p, g) in zip(personas, grouping.groups) {
            let w = (Double(g.agents.count) / total * 1000).rounded() / 1000
            lines.append("  - {persona: \(p.name), weight: \(w)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
