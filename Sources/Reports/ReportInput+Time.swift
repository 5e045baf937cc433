import FlywheelCore

/// The report's time axis: weeks since the first evaluation, and the calendar date of each.
extension ReportInput {
    /// The clock of one run: iteration → weeks since iteration 0 and its date, read from the
    /// first replicate of each arm (every replicate of an arm evaluates at the same times).
    public struct TimeAxis: Sendable {
        var weeks: [String: [Int: Double]] = [:]
        var dates: [Int: String] = [:]

        /// Weeks of `iteration` for `arm`; the iteration number itself when no time is stored.
        public func weeks(_ arm: String, _ iteration: Int) -> Double {
            weeks[arm]?[iteration] ?? weeks.values.first { $0[iteration] != nil }?[iteration] ?? Double(iteration)
        }

        /// Whether times were stored (else the axis counts iterations).
        public var isTimed: Bool { !weeks.isEmpty }

        /// The axis label: "weeks since <date of iteration 0>" or "iteration".
        public var label: String {
            guard isTimed else { return "iteration" }
            return dates[0].map { "weeks since \($0)" } ?? "weeks"
        }
    }

    public var timeAxis: TimeAxis {
        var axis = TimeAxis()
        let first = Dictionary(grouping: iterations, by: \.arm).mapValues { marks in
            marks.filter { $0.replicate == marks.map(\.replicate).min()! }
        }
        for (arm, marks) in first {
            guard let zero = marks.first(where: { $0.iteration == 0 }).flatMap({ Timestamp(iso8601: $0.time) }) else {
                continue
            }
            for m in marks {
                guard let t = Timestamp(iso8601: m.time) else { continue }
                axis.weeks[arm, default: [:]][m.iteration] =
                    Double(t.secondsSinceEpoch - zero.secondsSinceEpoch) / (7 * 86_400)
                axis.dates[m.iteration] = t.date
            }
        }
        return axis
    }

    /// The retrains of `arm` in replicate 0 (the lowest stored), each with whether the deploy gate
    /// let the candidate through, at the iteration they precede.
    public func decisions(_ arm: String) -> [(iteration: Int, deployed: Bool)] {
        let mine = iterations.filter { $0.arm == arm }
        guard let rep = mine.map(\.replicate).min() else { return [] }
        return mine.filter { $0.replicate == rep && $0.retrained }.sorted { $0.iteration < $1.iteration }.map {
            ($0.iteration, $0.deployed)
        }
    }
}
