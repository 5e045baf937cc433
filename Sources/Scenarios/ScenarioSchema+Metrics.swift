import Evaluation

extension ScenarioSchema {
    /// The "Metrics" section of `docs/scenarios.md`: every metric the engine writes, from the
    /// catalogue (``EngineMetric``), as `expect:` and `cost.value_per_point` accept them.
    static func metricsSection() -> [String] {
        let defaults = SystemSpec()
        var lines = [
            "## Metrics",
            "",
            "Every metric the engine writes to `metrics.csv`, and the only names `expect:` and",
            "`cost.value_per_point` accept. Two names follow the system's settings: recall is measured at",
            "`system.retriever.depth` and precision at `system.reranker.depth` (K below; \(defaults.retriever.depth) and \(defaults.reranker.depth) by",
            "default). Headline metrics are the ones the end-of-run table, the Markdown summary",
            "(`flywheel report --markdown`) and the report's first charts show.",
            "",
            "| metric | unit | range | better | headline | trec_eval | meaning |",
            "| --- | --- | --- | --- | --- | --- | --- |"
        ]
        for metric in EngineMetric.allCases {
            let range = metric.range.map { "\(format($0.lowerBound))…\(format($0.upperBound))" } ?? "≥ 0"
            let trec = metric.trecEvalPattern.map { "`\($0)`" } ?? ""
            lines.append(
                "| `\(metric.pattern)` | \(metric.unit) | \(range) | \(metric.direction.rawValue) | \(metric.isHeadline ? "yes" : "") | \(trec) | \(escape(metric.meaning)) |"
            )
        }
        return lines + [""]
    }

    private static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : "\(x)" }
}
