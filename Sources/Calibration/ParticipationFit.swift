/// Participation in preference, adoption and relevance, and the missing-knowledge flag rates.
///
/// A log shows a ticket only when its agent gave something, so the three participation rates
/// are fitted by EM on a zero-truncated product of Bernoullis: each round adds the expected
/// number of unseen worked tickets `n·z/(1 − z)`, `z = Π(1 − p_k)`, and re-estimates `p_k`. When
/// an agent adopts or rejects on every ticket (adoption participation 1, as in every shipped
/// persona), `z = 0` and the rates are plain shares. Tickets seen only through a flag are left
/// out of this part.
///
/// Flags are fitted as two rates, on tickets that lack a relevant article and on those that do
/// not. Participation in flagging and detection multiply (`participation × detection`) and are
/// not separately identifiable from a log: the fitted persona says participation 1 and puts the
/// product into `detection` and `false_flag`.
struct ParticipationFit: Sendable, Hashable {
    var preference = 0.5
    var adoption = 1.0
    var relevance = 0.5
    var detection = 0.5
    var falseFlag = 0.01

    static let parameterCount = 5

    static func fit(_ tickets: [WorkedTicket]) -> ParticipationFit {
        var out = ParticipationFit()
        let seen = tickets.filter { $0.gavePreference || $0.gaveAdoption || $0.gaveRelevance }
        let n = Double(seen.count)
        if n > 0 {
            let s = [
                Double(seen.filter(\.gavePreference).count), Double(seen.filter(\.gaveAdoption).count),
                Double(seen.filter(\.gaveRelevance).count)
            ]
            var p = s.map { $0 / n }
            for _ in 0..<500 {
                let z = p.reduce(1) { $0 * (1 - $1) }
                let unseen = z < 1 ? n * z / (1 - z) : 0
                let next = s.map { $0 / (n + unseen) }
                let moved = zip(next, p).map { abs($0 - $1) }.max() ?? 0
                p = next
                if moved < 1e-12 { break }
            }
            (out.preference, out.adoption, out.relevance) = (p[0], p[1], p[2])
        }
        let lacking = tickets.filter(\.lacking)
        let full = tickets.filter { !$0.lacking }
        out.detection = Logistic.rate(lacking.filter(\.flagged).count, lacking.count, fallback: 0)
        out.falseFlag = Logistic.rate(full.filter(\.flagged).count, full.count, fallback: 0)
        return out
    }

    func logLikelihood(_ tickets: [WorkedTicket]) -> Double {
        let p = [preference, adoption, relevance]
        let z = p.reduce(1) { $0 * (1 - $1) }
        var ll = 0.0
        for t in tickets {
            ll += Logistic.safeLog(
                t.flagged ? (t.lacking ? detection : falseFlag) : 1 - (t.lacking ? detection : falseFlag))
            let given = [t.gavePreference, t.gaveAdoption, t.gaveRelevance]
            guard given.contains(true) else { continue }
            for (g, pk) in zip(given, p) { ll += Logistic.safeLog(g ? pk : 1 - pk) }
            ll -= Logistic.safeLog(1 - z)
        }
        return ll
    }
}
