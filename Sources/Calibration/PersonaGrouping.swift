#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FlywheelCore

/// Agents grouped into k personas by classification maximum likelihood: each agent belongs to
/// one persona, whose behaviours are fitted on all its agents' worked tickets pooled.
///
/// For each k in 1…`maxK`: k-means on per-agent summaries (``AgentSummary``) gives a start;
/// then, until no agent moves (at most `rounds`), every group is refitted and every agent is
/// moved to the group under which its own tickets are likeliest. k is chosen by BIC,
/// `−2·ln L + p·ln N` with `p = k·(parameters per persona) + (k − 1)` and N the annotations.
public struct PersonaGrouping: Sendable {
    public struct Group: Sendable {
        public var estimate: PersonaEstimate
        public var agents: [AgentID]
    }
    public struct Candidate: Sendable {
        public var k: Int
        public var logLikelihood: Double
        public var parameters: Int
        public var bic: Double
    }

    public var groups: [Group]
    public var candidates: [Candidate]
    public var k: Int { groups.count }

    public static func fit(_ data: CalibrationData, maxK: Int = 6, seed: UInt64 = 1, rounds: Int = 8) -> PersonaGrouping
    {
        let agents = data.agentIDs
        let rows = AgentSummary.standardised(agents.map { AgentSummary.features(data.agents[$0] ?? []) })
        let n = Double(max(1, data.annotationCount))
        var best: (groups: [Group], bic: Double)?
        var candidates: [Candidate] = []
        for k in 1...max(1, min(maxK, agents.count)) {
            var rng = RandomStream(seed: seed, purpose: "calibrate-kmeans", ids: [UInt64(k)])
            var assignment = AgentSummary.kMeans(rows, k: k, rng: &rng)
            var estimates: [Int: PersonaEstimate] = [:]
            for _ in 0..<rounds {
                let used = Set(assignment).sorted()
                var next: [Int: PersonaEstimate] = [:]
                for g in used {
                    let tickets = agents.indices.filter { assignment[$0] == g }.flatMap {
                        data.agents[agents[$0]] ?? []
                    }
                    next[g] = PersonaEstimate.fit(tickets, from: estimates[g])
                }
                estimates = next
                let moved = agents.indices.map { i in
                    let own = data.agents[agents[i]] ?? []
                    return used.max { estimates[$0]!.logLikelihood(own) < estimates[$1]!.logLikelihood(own) }!
                }
                if moved == assignment { break }
                assignment = moved
            }
            // the final groups, fitted on their final members
            let used = Set(assignment).sorted()
            var groups: [Group] = []
            var ll = 0.0
            var p = used.count - 1
            for g in used {
                let members = agents.indices.filter { assignment[$0] == g }.map { agents[$0] }
                let tickets = members.flatMap { data.agents[$0] ?? [] }
                let e = PersonaEstimate.fit(tickets, from: estimates[g])
                ll += e.logLikelihood(tickets)
                p += e.parameterCount
                groups.append(Group(estimate: e, agents: members))
            }
            let bic = -2 * ll + Double(p) * log(n)
            candidates.append(Candidate(k: k, logLikelihood: ll, parameters: p, bic: bic))
            if best == nil || bic < best!.bic { best = (groups, bic) }
        }
        // largest group first, so names are stable: calibrated-1 is the most common persona
        let ordered = (best?.groups ?? []).sorted {
            ($0.agents.count, $1.agents.first?.rawValue ?? "") > ($1.agents.count, $0.agents.first?.rawValue ?? "")
        }
        return PersonaGrouping(groups: ordered, candidates: candidates)
    }
}
