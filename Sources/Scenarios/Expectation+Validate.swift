import Evaluation
import FlywheelCore
import World

extension Scenario {
    /// Checks that every `expect:` entry names an arm of the scenario and a metric the engine
    /// writes, and that every `cost.value_per_point` key is such a metric; reports every one that
    /// is not.
    func validateReferences(_ decoder: any Decoder) throws {
        let known = EngineMetric.names(system.metricDepths)
        for (i, e) in expect.enumerated() {
            let path = decoder.keyPath + ["expect[\(i)]", e.kind.rawValue]
            let (arm, metric) = e.target
            if arms[arm] == nil {
                try decoder.report(
                    path: path + ["arm"],
                    message:
                        "'\(arm)' is not an arm\(Suggestion.didYouMean(arm, in: armNames)); arms: \(armNames.joined(separator: ", "))"
                )
            }
            var versus: String?
            switch e {
            case .noGain(let x), .noLoss(let x): versus = x.versus
            case .stable(let x): versus = x.versus
            case .lift(let x): versus = x.versus
            default: versus = nil
            }
            if let v = versus, v != "baseline", v != "start", arms[v] == nil {
                try decoder.report(
                    path: path + ["versus"],
                    message:
                        "'\(v)' is neither baseline, start nor an arm\(Suggestion.didYouMean(v, in: armNames)); arms: \(armNames.joined(separator: ", "))"
                )
            }
            if !known.contains(metric) {
                try decoder.report(
                    path: path + ["metric"],
                    message:
                        "'\(metric)' is not a metric the engine writes\(Suggestion.didYouMean(metric, in: known)); metrics: \(known.joined(separator: ", "))"
                )
            }
        }
        for metric in cost.valuePerPoint.keys.sorted() where !known.contains(metric) {
            try decoder.report(
                path: decoder.keyPath + ["cost", "value_per_point", metric],
                message:
                    "'\(metric)' is not a metric the engine writes\(Suggestion.didYouMean(metric, in: known)); metrics: \(known.joined(separator: ", "))"
            )
        }
    }
}
