import FlywheelCore

/// When an arm evaluates and when it retrains, in simulated time from the stream's start.
///
/// Evaluations happen every `evaluateEvery` (iteration k at start + k·evaluateEvery), so arms
/// with different cadences are compared at the same instants; retraining happens every `cadence`.
/// When both fall at one instant the retraining comes first, so iteration k measures the model
/// trained on everything before it.
struct Schedule: Sendable {
    enum Event: Equatable {
        case retrain
        case evaluate(iteration: Int)
    }

    var start: Timestamp
    var cadence: SimDuration
    var evaluateEvery: SimDuration
    var retrains: Bool
    /// Evaluations after iteration 0.
    var iterations: Int

    /// The end of the replayed period.
    var end: Timestamp { start + SimDuration(seconds: evaluateEvery.seconds * Int64(iterations)) }

    /// Every event with its time, in order (iteration 0 excluded: it precedes the first ticket).
    func events() -> [(time: Timestamp, event: Event)] {
        var out: [(Timestamp, Event)] = []
        if retrains {
            var t = start + cadence
            while t <= end {
                out.append((t, .retrain))
                t = t + cadence
            }
        }
        for k in 1...max(1, iterations) where iterations > 0 {
            out.append((start + SimDuration(seconds: evaluateEvery.seconds * Int64(k)), .evaluate(iteration: k)))
        }
        return out.sorted { a, b in
            a.0 != b.0 ? a.0 < b.0 : (a.1 == .retrain && b.1 != .retrain)
        }.map { (time: $0.0, event: $0.1) }
    }
}
