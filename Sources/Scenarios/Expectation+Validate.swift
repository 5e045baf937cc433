import Evaluation
import FlywheelCore

extension Scenario {
    /// Checks that every `expect:` entry names an arm of the scenario and a metric the engine
    /// writes, and that every `cost.value_per_point` key is such a metric.
    func validateReferences(_ decoder: any Decoder) throws {
        let known = EngineMetric.names(system.metricDepths)
        func nearest(_ name: String, in valid: [String]) -> String {
            let best = valid.min { editDistance(name, $0) < editDistance(name, $1) }
            if let best, editDistance(name, best) <= max(2, name.count / 3) { return "; did you mean '\(best)'?" }
            return ""
        }
        for (i, e) in expect.enumerated() {
            let path = decoder.keyPath + ["expect[\(i)]", e.kind.rawValue]
            let (arm, metric) = e.target
            guard arms[arm] != nil else {
                throw ScenarioKeyError(
                    path: path + ["arm"],
                    message: "'\(arm)' is not an arm\(nearest(arm, in: armNames)); arms: \(armNames.joined(separator: ", "))")
            }
            var versus: String?
            switch e {
            case .noGain(let x), .noLoss(let x): versus = x.versus
            case .stable(let x): versus = x.versus
            case .lift(let x): versus = x.versus
            default: versus = nil
            }
            if let v = versus, v != "baseline", v != "start", arms[v] == nil {
                throw ScenarioKeyError(
                    path: path + ["versus"],
                    message: "'\(v)' is neither baseline, start nor an arm\(nearest(v, in: armNames)); arms: \(armNames.joined(separator: ", "))")
            }
            guard known.contains(metric) else {
                throw ScenarioKeyError(
                    path: path + ["metric"],
                    message: "'\(metric)' is not a metric the engine writes\(nearest(metric, in: known)); metrics: \(known.joined(separator: ", "))")
            }
        }
        for metric in cost.valuePerPoint.keys.sorted() where !known.contains(metric) {
            throw ScenarioKeyError(
                path: decoder.keyPath + ["cost", "value_per_point", metric],
                message: "'\(metric)' is not a metric the engine writes\(nearest(metric, in: known)); metrics: \(known.joined(separator: ", "))")
        }
    }
}
