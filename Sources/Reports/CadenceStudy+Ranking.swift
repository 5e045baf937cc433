import Evaluation
import FlywheelCore

extension CadenceStudy {
    /// Sets the recommendation (the highest net value; ties to the first label in sorted order),
    /// the runner-up and the margin, the margin's paired 95% t interval over replicates, and each
    /// row's probability of being best: the share of `resamples` bootstrap resamples of the
    /// replicates (drawn with replacement from a fixed-seed ``RandomStream``, the same resampled
    /// replicates for every row, since replicates share tickets and draws) in which that row's
    /// mean net value is the highest.
    mutating func rank(resamples: Int, seed: UInt64) {
        let order = rows.indices.sorted {
            rows[$0].netValue != rows[$1].netValue
                ? rows[$0].netValue > rows[$1].netValue : rows[$0].cadence < rows[$1].cadence
        }
        guard let first = order.first else { return }
        recommended = rows[first].cadence
        let perReplicate = rows.map { $0.replicateNetValues ?? [] }
        let n = perReplicate.map(\.count).min() ?? 0
        replicates = n
        if order.count > 1 {
            let second = order[1]
            runnerUp = rows[second].cadence
            margin = rows[first].netValue - rows[second].netValue
            let paired = (0..<n).map { perReplicate[first][$0] - perReplicate[second][$0] }
            if let interval = MeanEstimate(paired)?.interval {
                marginLower = interval.lower
                marginUpper = interval.upper
            }
        }
        guard n > 0, resamples > 0 else { return }
        self.resamples = resamples
        var rng = RandomStream(seed: seed, purpose: "cadence-bootstrap")
        var wins = [Int](repeating: 0, count: rows.count)
        var pick = [Int](repeating: 0, count: n)
        for _ in 0..<resamples {
            for i in pick.indices { pick[i] = rng.int(below: n) }
            var winner = first
            var bestMean = -Double.infinity
            for row in order {
                let mean = pick.reduce(0) { $0 + perReplicate[row][$1] } / Double(n)
                if mean > bestMean { bestMean = mean; winner = row }
            }
            wins[winner] += 1
        }
        for i in rows.indices { rows[i].probabilityBest = Double(wins[i]) / Double(resamples) }
    }
}
