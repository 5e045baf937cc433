import FlywheelCore
import WorldTruth

/// The annotation statistics the fidelity report compares between a log and its
/// re-simulation: each a count per category over worked tickets.
public enum FidelityStatistic: String, CaseIterable, Sendable {
    case preferenceGiven = "preference given"
    case relevanceGiven = "relevance given"
    case choice = "preference choice"
    case margin = "preference margin"
    case choseBetter = "chose the better reply"
    case adoption = "adoption outcome"
    case adoptionByQuality = "adopted by quality of A"
    case rationale = "rationale category"
    case rationaleCorrect = "rationale names the true failure"
    case marks = "relevance mark vs truth"
    case markRank = "marked rank"
    case links = "links per relevance ticket"
    case flags = "flag vs lacking article"

    /// Category labels, in the order of ``counts(_:)``.
    public var categories: [String] {
        switch self {
        case .preferenceGiven, .relevanceGiven, .rationaleCorrect: ["no", "yes"]
        case .choice: PreferenceChoice.allCases.map(\.rawValue)
        case .margin: PreferenceMargin.allCases.map(\.rawValue)
        case .choseBetter: ["worse", "better"]
        case .adoption: AdoptionOutcome.allCases.map(\.rawValue)
        case .adoptionByQuality:
            Self.qualityBins.flatMap { bin in ["\(bin) rejected", "\(bin) adopted"] }
        case .rationale: RationaleCategory.allCases.map(\.rawValue)
        case .marks: ["relevant, said no", "relevant, said yes", "not relevant, said no", "not relevant, said yes"]
        case .markRank: (1...8).map { "rank \($0)" }
        case .links: ["none", "needed only", "some other"]
        case .flags: ["full, no flag", "full, flag", "lacking, no flag", "lacking, flag"]
        }
    }

    static let qualityBins = ["q<0.4", "0.4≤q<0.7", "q≥0.7"]

    func counts(_ tickets: [WorkedTicket]) -> [Int] {
        var c = Array(repeating: 0, count: categories.count)
        func add(_ i: Int) { if c.indices.contains(i) { c[i] += 1 } }
        for t in tickets {
            switch self {
            case .preferenceGiven: add(t.gavePreference ? 1 : 0)
            case .relevanceGiven: add(t.gaveRelevance ? 1 : 0)
            case .choice: if let p = t.preference { add(PreferenceChoice.allCases.firstIndex(of: p.choice)!) }
            case .margin: if let m = t.preference?.margin { add(PreferenceMargin.allCases.firstIndex(of: m)!) }
            case .choseBetter:
                if let p = t.preference, p.choice == .a || p.choice == .b, let qa = t.qualityA, let qb = t.qualityB,
                    qa != qb
                {
                    add((p.choice == .a) == (qa > qb) ? 1 : 0)
                }
            case .adoption: if let a = t.adoption { add(AdoptionOutcome.allCases.firstIndex(of: a.outcome)!) }
            case .adoptionByQuality:
                if let a = t.adoption, let q = t.qualityA {
                    add(2 * (q < 0.4 ? 0 : (q < 0.7 ? 1 : 2)) + (a.outcome.isAdopted ? 1 : 0))
                }
            case .rationale: if let r = t.adoption?.rationale { add(RationaleCategory.allCases.firstIndex(of: r)!) }
            case .rationaleCorrect: if let r = t.adoption?.rationale, let f = t.failureA { add(r == f ? 1 : 0) }
            case .marks:
                for m in t.marks { if let truth = m.truth { add((truth ? 0 : 2) + (m.said ? 1 : 0)) } }
            case .markRank: for m in t.marks { add(m.rank - 1) }
            case .links:
                if t.gaveRelevance { add(t.wrongLinks > 0 ? 2 : (t.correctLinks > 0 ? 1 : 0)) }
            case .flags: add((t.lacking ? 2 : 0) + (t.flagged ? 1 : 0))
            }
        }
        return c
    }
}
