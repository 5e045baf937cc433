#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FlywheelCore
import World

/// Links (rank-0 marks) on the tickets where the agent gave relevance: `search_skill` s and
/// `link_missed` L (docs/world.md "links"). With M needed published articles the list missed, c
/// links to them and w other links, a ticket's likelihood mixes the two branches:
/// `s · (Ls)^c · C(M−c, w)·(L(1−s))^w · (1−L)^(M−c−w)` (the agent knows; impossible when
/// c + w > M) and `(1 − s) · g` (it guesses: `g = 1 − L/4` for no link, `L/4` for one other link,
/// else 0; a guessed link that happens to be a needed article is counted as impossible — the
/// library is hundreds of articles). Maximised by Nelder–Mead on logit coordinates. An agent
/// that never links gets `link_missed: 0` and no search skill (not identifiable).
struct LinkFit: Sendable, Hashable {
    var linkMissed = 0.0
    var searchSkill: Double?

    var parameterCount: Int { searchSkill == nil ? 1 : 2 }

    static func fit(_ tickets: [WorkedTicket], from start: LinkFit? = nil) -> LinkFit {
        let data = tickets.filter(\.gaveRelevance)
        guard data.contains(where: { $0.correctLinks + $0.wrongLinks > 0 }) else { return LinkFit() }
        let s0 = start?.searchSkill ?? 0.7
        let l0 = max(0.05, start?.linkMissed ?? 0.3)
        let clampP = { (p: Double) in min(max(p, 1e-4), 1 - 1e-4) }
        let result = NelderMead.minimise(
            { θ in -LinkFit(linkMissed: Logistic.sigmoid(θ[1]), searchSkill: Logistic.sigmoid(θ[0])).logLikelihood(data)
            },
            start: [Logistic.logit(clampP(s0)), Logistic.logit(clampP(l0))], step: 0.5)
        return LinkFit(linkMissed: Logistic.sigmoid(result.point[1]), searchSkill: Logistic.sigmoid(result.point[0]))
    }

    func logLikelihood(_ tickets: [WorkedTicket]) -> Double {
        let L = linkMissed
        let s = searchSkill ?? 1
        var ll = 0.0
        for t in tickets where t.gaveRelevance {
            let (m, c, w) = (t.missedNeeded, t.correctLinks, t.wrongLinks)
            var knowing = 0.0
            if c + w <= m {
                knowing =
                    pow(L * s, Double(c)) * choose(m - c, w) * pow(L * (1 - s), Double(w))
                    * pow(1 - L, Double(m - c - w))
            }
            let g = L * RelevanceBehaviour.guessRate
            let guessing = c == 0 && w == 0 ? 1 - g : (c == 0 && w == 1 ? g : 0)
            ll += Logistic.safeLog(s * knowing + (1 - s) * guessing)
        }
        return ll
    }

    private func choose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        var r = 1.0
        for i in 0..<k { r *= Double(n - i) / Double(i + 1) }
        return r
    }
}
