import Evaluation

/// The unit of each metric the engine writes, as the report's y axes and headings show it.
public enum MetricUnit {
    public static func of(_ metric: String) -> String {
        if MetricName(rawValue: metric) != nil { return "score 0–1, mean over held-out tickets" }
        switch metric {
        case "helpfulness": return "judge score 1–5"
        case "helpfulness_ge4": return "share of replies scored ≥ 4"
        case "adoption": return "share adopted by the panel"
        case "online_adoption": return "share adopted by the agents"
        case "online_win_rate_a": return "share of pairs won by reply A"
        case "gaps_open", "gaps_closed", "kb_size", "wrong_articles": return "articles"
        case "days_to_close": return "days"
        case "retrains", "gate_rejections": return "count"
        case "served": return "tickets per window"
        default:
            if metric.hasSuffix("_minutes") { return "minutes per window" }
            if metric.hasPrefix("annotations_") { return "annotations per window" }
            return "count"
        }
    }
}
