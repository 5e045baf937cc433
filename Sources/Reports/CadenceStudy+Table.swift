extension CadenceStudy {
    /// The printed table: one line per cadence and the no-loop row; counts as integers, the
    /// probability of being best; then the recommendation with the margin's paired interval.
    public func table() -> String {
        var lines = [
            ["cadence", "weeks to 90%", "final \(metric) (95% CI)", "retrains", "agent min", "net value", "P(best)"]
        ]
        for r in rows {
            let e = r.finals[metric]
            lines.append([
                r.cadence + (r.cadence == recommended ? " *" : ""),
                r.weeksTo90.map { SummaryTable.fmt($0, digits: 1) } ?? "never",
                e.map { SummaryTable.fmt($0.mean) + " " + SummaryTable.interval($0) } ?? "–",
                Self.count(r.retrains), Self.whole(r.agentMinutes), Self.whole(r.netValue),
                r.probabilityBest.map { SummaryTable.fmt($0, digits: 2) } ?? "–"
            ])
        }
        var out = SummaryTable.layout(lines)
        out +=
            "best final gain in \(metric): \(SummaryTable.signed(bestFinalGain)); time to 90% = first evaluation reaching \(SummaryTable.fmt(0.9 * bestFinalGain)) above its start\n"
        if let valuePerPoint, !valuePerPoint.isEmpty {
            let terms = valuePerPoint.keys.sorted().map { "\(Self.whole(valuePerPoint[$0]!)) per point of \($0)" }
            out +=
                "net value = \(terms.joined(separator: " + ")) gained on average over the horizon − retraining − agent minutes\n"
        }
        out += "recommended: \(recommended)"
        if let runnerUp {
            out += " (net value ahead of \(runnerUp) by \(Self.whole(margin))"
            if let marginLower, let marginUpper {
                out += ", paired 95% CI [\(Self.whole(marginLower)), \(Self.whole(marginUpper))]"
            } else {
                out += "; one replicate, no interval"
            }
            out += ")"
        }
        out += "\n"
        if let p = rows.first(where: { $0.cadence == recommended })?.probabilityBest, let resamples, let replicates {
            out +=
                "P(best) = share of \(resamples) bootstrap resamples of the \(replicates) replicate\(replicates == 1 ? "" : "s") (fixed seed) in which the row has the highest mean net value; \(recommended): \(SummaryTable.fmt(p, digits: 2))\n"
        }
        if recommended == Self.noLoopLabel {
            out += "not running the loop beats every cadence under this cost model\n"
        }
        return out
    }

    /// A count: an integer when it is one (`26`), else one decimal (`26.5`).
    static func count(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return x == x.rounded() ? whole(x) : SummaryTable.fmt(x, digits: 1)
    }

    /// Rounded to an integer, no decimal point (`-21682`).
    static func whole(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return "–" }
        let r = x.rounded()
        return String(Int64(r == 0 ? 0 : r))
    }
}
