import FlywheelCore
import WorldTruth

/// Cheap per-agent statistics that separate personas, used only to seed the grouping (k-means
/// on z-scores); the grouping itself maximises the likelihood (``PersonaGrouping``).
enum AgentSummary {
    static func features(_ tickets: [WorkedTicket]) -> [Double] {
        let n = Double(max(1, tickets.count))
        let prefs = tickets.compactMap(\.preference)
        let adoptions = tickets.compactMap(\.adoption)
        let adopted = adoptions.filter(\.outcome.isAdopted)
        let relevanceTickets = tickets.filter(\.gaveRelevance)
        let marks = tickets.flatMap(\.marks)
        let relevant = marks.filter { $0.truth == true }
        let other = marks.filter { $0.truth == false }
        let rationales = RationaleFit.observations(tickets)
        func share(_ k: Int, _ of: Int) -> Double { of > 0 ? Double(k) / Double(of) : 0 }
        return [
            Double(prefs.count) / n,
            Double(relevanceTickets.count) / n,
            share(tickets.filter(\.flagged).count, tickets.count),
            share(adopted.count, adoptions.count),
            share(adopted.filter { $0.outcome == .edited }.count, adopted.count),
            share(rationales.filter { $0.truth == $0.said }.count, rationales.count),
            share(relevant.filter(\.said).count, relevant.count),
            share(other.filter { !$0.said }.count, other.count),
            share(prefs.filter { $0.choice == .a }.count, prefs.count),
            share(prefs.filter { $0.choice == .tie }.count, prefs.count),
            share(marks.count, relevanceTickets.count),
            share(relevanceTickets.reduce(0) { $0 + $1.correctLinks + $1.wrongLinks }, relevanceTickets.count)
        ]
    }

    /// Each column scaled to mean 0 and standard deviation 1 (constant columns to 0).
    static func standardised(_ rows: [[Double]]) -> [[Double]] {
        guard let width = rows.first?.count else { return rows }
        var out = rows
        for j in 0..<width {
            let column = rows.map { $0[j] }
            let mean = column.reduce(0, +) / Double(column.count)
            let sd = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)).squareRoot()
            for i in rows.indices { out[i][j] = sd > 1e-12 ? (rows[i][j] - mean) / sd : 0 }
        }
        return out
    }

    /// k-means (k-means++ start from `rng`, then Lloyd iterations): a group index per row.
    static func kMeans(_ rows: [[Double]], k: Int, rng: inout RandomStream) -> [Int] {
        guard !rows.isEmpty else { return [] }
        func d2(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        var centres = [rows[rng.int(below: rows.count)]]
        while centres.count < min(k, rows.count) {
            let weights = rows.map { r in centres.map { d2(r, $0) }.min()! }
            guard weights.reduce(0, +) > 0 else { break }
            centres.append(rows[rng.weightedIndex(weights)])
        }
        var assignment = Array(repeating: 0, count: rows.count)
        for _ in 0..<100 {
            let next = rows.map { r in centres.indices.min { d2(r, centres[$0]) < d2(r, centres[$1]) }! }
            for c in centres.indices {
                let members = rows.indices.filter { next[$0] == c }
                guard !members.isEmpty else { continue }
                centres[c] = (0..<rows[0].count).map { j in
                    members.reduce(0) { $0 + rows[$1][j] } / Double(members.count)
                }
            }
            if next == assignment { break }
            assignment = next
        }
        return assignment
    }
}
