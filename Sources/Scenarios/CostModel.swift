import FlywheelCore
import World

/// The cost model `flywheel cadence` uses to recommend a retraining cadence (docs/checks.md):
///
/// ```yaml
/// cost:
///   per_retrain: 500            # cost of one retraining cycle (currency units)
///   per_agent_minute: 0.8       # cost of one minute of agents' annotation time
///   value_per_point: {adoption: 400, recall@75: 150}
/// ```
///
/// A *point* is 0.01 of the metric (one percentage point for shares such as adoption, 0.01 of
/// the 1–5 rubric for helpfulness). Net value of a cadence over the horizon =
/// Σ value_per_point[m] × 100 × (mean over evaluations of m − m at iteration 0)
/// − per_retrain × retrains − per_agent_minute × agent minutes. The time-averaged gain rewards a
/// cadence that gets to its gain sooner, not only one that ends higher.
public struct CostModel: Codable, Sendable, Hashable {
    public var perRetrain = 100.0
    public var perAgentMinute = 1.0
    public var valuePerPoint: [String: Double] = ["adoption": 100]

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case perRetrain = "per_retrain"
        case perAgentMinute = "per_agent_minute"
        case valuePerPoint = "value_per_point"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CostModel()
        perRetrain = try c.decodeIfPresent(Double.self, forKey: .perRetrain) ?? d.perRetrain
        try decoder.require(perRetrain, in: 0...1e12, "per_retrain")
        perAgentMinute = try c.decodeIfPresent(Double.self, forKey: .perAgentMinute) ?? d.perAgentMinute
        try decoder.require(perAgentMinute, in: 0...1e12, "per_agent_minute")
        valuePerPoint = try c.decodeIfPresent([String: Double].self, forKey: .valuePerPoint) ?? d.valuePerPoint
        if valuePerPoint.isEmpty {
            try decoder.report(
                path: decoder.keyPath + ["value_per_point"], message: "name at least one metric and its value per point"
            )
        }
    }

    /// Net value of one cadence: see the type's documentation for the formula.
    public func netValue(meanGain: [String: Double], retrains: Double, agentMinutes: Double) -> Double {
        let value = valuePerPoint.keys.sorted().reduce(0.0) { sum, m in
            sum + valuePerPoint[m]! * 100 * (meanGain[m] ?? 0)
        }
        return value - perRetrain * retrains - perAgentMinute * agentMinutes
    }
}
