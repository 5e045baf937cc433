import FlywheelCore

extension EvaluationReport {
    /// The paired difference `self − baseline` on `metric`, over the tickets both reports
    /// evaluated (ticket by ticket), with t and, given `rng`, bootstrap intervals.
    ///
    /// Nil when the reports share no ticket or either lacks `metric`.
    ///
    /// ```swift
    /// let gain = aitl.pairedDifference(versus: frozen, metric: .recall75,
    ///                                  rng: RandomStream(seed: 42, purpose: "paired-bootstrap"))
    /// ```
    public func pairedDifference(
        versus baseline: EvaluationReport, metric: MetricName, level: Double = 0.95,
        resamples: Int = 10_000, rng: RandomStream? = nil
    ) -> PairedDifference? {
        guard let ours = values[metric], let theirs = baseline.values[metric] else { return nil }
        var a = [Double]()
        var b = [Double]()
        var i = 0
        var j = 0
        // Both ticket lists are sorted: walk them together.
        while i < tickets.count && j < baseline.tickets.count {
            if tickets[i] == baseline.tickets[j] {
                a.append(ours[i])
                b.append(theirs[j])
                i += 1
                j += 1
            } else if tickets[i] < baseline.tickets[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return PairedDifference(a, b, level: level, resamples: resamples, rng: rng)
    }
}
