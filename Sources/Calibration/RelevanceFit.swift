import FlywheelCore
import World
import WorldTruth

/// Relevance marks on shown articles: each checked article is marked relevant with probability
/// `sensitivity` when it is relevant and `1 − specificity` when not — closed-form maxima (the
/// shares). `checks` is the most marks the agent gave on one ticket's list; `pick` is `top` when
/// every ticket's marks are exactly the first ranks, else `random`. Both are read off the log,
/// not counted as likelihood parameters. Marks whose relevance comes from other agents'
/// agreement (no truth in the corpus) fit the same way against the majority label.
struct RelevanceFit: Sendable, Hashable {
    var checks = 0
    var pick: RelevanceBehaviour.Pick = .top
    var sensitivity = 0.5
    var specificity = 0.5

    static let parameterCount = 2

    static func fit(_ tickets: [WorkedTicket]) -> RelevanceFit {
        var out = RelevanceFit()
        let marked = tickets.filter { !$0.marks.isEmpty }
        out.checks = min(8, marked.map(\.marks.count).max() ?? 0)
        let allTop = marked.allSatisfy { t in t.marks.enumerated().allSatisfy { $0.element.rank == $0.offset + 1 } }
        out.pick = allTop ? .top : .random
        let marks = marked.flatMap(\.marks)
        let relevant = marks.filter { $0.truth == true }
        let other = marks.filter { $0.truth == false }
        out.sensitivity = Logistic.rate(relevant.filter(\.said).count, relevant.count, fallback: 0.5)
        out.specificity = Logistic.rate(other.filter { !$0.said }.count, other.count, fallback: 0.5)
        return out
    }

    func logLikelihood(_ tickets: [WorkedTicket]) -> Double {
        var ll = 0.0
        for t in tickets {
            for m in t.marks {
                guard let truth = m.truth else { continue }
                ll += Logistic.safeLog(
                    truth ? (m.said ? sensitivity : 1 - sensitivity) : (m.said ? 1 - specificity : specificity))
            }
        }
        return ll
    }
}
