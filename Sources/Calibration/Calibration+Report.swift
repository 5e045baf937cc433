import FlywheelCore
import Foundation
import World

extension Calibration {
    /// The fitted parameters of one persona as (key path, value) rows, in persona-file order.
    public static func parameterRows(_ p: Persona) -> [(String, String)] {
        func f(_ v: Double?) -> String { v.map { String(format: "%.4g", $0) } ?? "—" }
        return [
            ("participation.preference", f(p.participation.preference)),
            ("participation.adoption", f(p.participation.adoption)),
            ("participation.relevance", f(p.participation.relevance)),
            ("preference.noise", f(p.preference.noise)),
            ("preference.position_bias", f(p.preference.positionBias)),
            ("preference.length_bias", f(p.preference.lengthBias)),
            ("preference.tie_band = margins[0]", f(p.preference.tieBand)),
            ("preference.margins[1]", f(p.preference.margins[1])),
            ("preference.margins[2]", f(p.preference.margins[2])),
            ("preference.both_bad", f(p.preference.bothBad)),
            ("adoption.threshold", f(p.adoption.threshold)),
            ("adoption.slope", f(p.adoption.slope)),
            ("adoption.edit_share", f(p.adoption.editShare)),
            ("rationale.accuracy", f(p.rationale.accuracy)),
            ("rationale.confusion", (p.rationale.confusion ?? .neighbours).rawValue),
            ("relevance.checks", String(p.relevance.checks)),
            ("relevance.pick", (p.relevance.pick ?? .top).rawValue),
            ("relevance.sensitivity", f(p.relevance.sensitivity)),
            ("relevance.specificity", f(p.relevance.specificity)),
            ("relevance.link_missed", f(p.relevance.linkMissed)),
            ("relevance.search_skill", f(p.relevance.searchSkill)),
            ("missing_knowledge.detection (× participation)", f(p.missingKnowledge.detection)),
            ("missing_knowledge.false_flag (× participation)", f(p.missingKnowledge.falseFlag)),
            ("cost_seconds.preference", f(p.costSeconds.preference)),
            ("cost_seconds.adoption", f(p.costSeconds.adoption)),
            ("cost_seconds.rationale", f(p.costSeconds.rationale)),
            ("cost_seconds.relevance", f(p.costSeconds.relevance)),
            ("cost_seconds.missing_knowledge", f(p.costSeconds.missingKnowledge))
        ]
    }

    /// The fidelity report (Markdown): what was fitted from what, the choice of k, the fitted
    /// parameters and the logged-versus-re-simulated statistics with their tests.
    public func markdown(logPath: String, corpusPath: String) -> String {
        var out = ["# Calibration: \(logPath)", ""]
        out.append(
            "Corpus `\(corpusPath)`; \(data.annotationCount) annotations by \(data.agentIDs.count) agents on \(data.workedTicketCount) worked tickets; \(data.published.count) articles taken as published (shown or linked in the log)."
        )
        out.append("")
        out.append(
            "Relevance marks fitted against the corpus truth: \(data.truthMarks); **fitted from agreement between agents** (tickets without relevance truth, compared with the other agents' majority): \(data.agreementMarks)."
        )
        if data.withoutReplies > 0 {
            out.append(
                "Worked tickets whose exposure has no reply objects (no preference, adoption or rationale fit): \(data.withoutReplies)."
            )
        }
        out += [
            "",
            "Not fitted (not in the log or not identifiable from it): fatigue (written 0), trust (written constant: initial 0.5, rate 0), `cost_seconds.handling`, participation in flagging separately from detection (their product is written as `detection`/`false_flag` with participation 1), `tie_band` separately from `margins[0]` (both written as their maximum τ).",
            ""
        ]

        out += [
            "## Number of personas (BIC)", "", "| k | log-likelihood | parameters | BIC |",
            "| ---: | ---: | ---: | ---: |"
        ]
        for c in grouping.candidates {
            out.append(
                "| \(c.k)\(c.k == grouping.k ? " ←" : "") | \(String(format: "%.1f", c.logLikelihood)) | \(c.parameters) | \(String(format: "%.1f", c.bic)) |"
            )
        }
        out += ["", "## Fitted personas", ""]
        out.append("| parameter | " + personas.map(\.name).joined(separator: " | ") + " |")
        out.append("| --- |" + String(repeating: " ---: |", count: personas.count))
        out.append("| agents | " + grouping.groups.map { String($0.agents.count) }.joined(separator: " | ") + " |")
        let table = personas.map(Self.parameterRows)
        for (i, row) in (table.first ?? []).enumerated() {
            out.append("| \(row.0) | " + table.map { $0[i].1 }.joined(separator: " | ") + " |")
        }
        let failed = fidelity.filter { !$0.passes }.count
        out += [
            "", "## Fidelity: logged vs re-simulated", "",
            "The fitted personas re-answer every logged exposure (same tickets, replies, shown articles and truth; seed \(options.seed)). Each row is a chi-square test of homogeneity of the two count vectors; a row passes when p ≥ \(String(format: "%.2g", fidelityLevel)) (family-wise α = \(options.alpha), Bonferroni over \(fidelity.count) rows). **\(fidelity.count - failed) of \(fidelity.count) pass.**",
            "", "| statistic | group | categories | logged | re-simulated | χ² | df | p | min expected | |",
            "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |"
        ]
        for r in fidelity {
            out.append(
                "| \(r.statistic.rawValue) | \(r.group) | \(r.statistic.categories.joined(separator: " / ")) | \(r.logged.map(String.init).joined(separator: " / ")) | \(r.resimulated.map(String.init).joined(separator: " / ")) | \(String(format: "%.2f", r.test.statistic)) | \(r.test.degreesOfFreedom) | \(String(format: "%.3g", r.test.pValue)) | \(String(format: "%.1f", r.test.minExpected)) | \(r.passes ? "pass" : "**fail**") |"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }
}
