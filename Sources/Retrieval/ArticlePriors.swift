import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How often each article was marked relevant when checked, smoothed towards the rate over all
/// articles: p_d = (r_d + α·p₀) / (n_d + α), p₀ = (Σr + 1) / (Σn + 2). The feature is
/// logit(p_d) − logit(p₀): 0 for an article never checked.
public struct ArticlePriors: Hashable, Sendable, Codable {
    public private(set) var relevant: [ArticleID: Double] = [:]
    public private(set) var checked: [ArticleID: Double] = [:]
    public private(set) var totalRelevant: Double = 0
    public private(set) var totalChecked: Double = 0
    /// α, the pseudo-count of the smoothing.
    public var smoothing: Double

    public init(smoothing: Double = 4) { self.smoothing = smoothing }

    /// Adds marks, each with `weight(mark)` (its time discount), after multiplying old counts
    /// by `keep` (what the time since the last update leaves of them).
    public func updated(
        with marks: [RelevanceAnnotation], keep: Double, weight: (RelevanceAnnotation) -> Double = { _ in 1 }
    ) -> ArticlePriors {
        var next = self
        if keep != 1 {
            next.relevant = relevant.mapValues { $0 * keep }
            next.checked = checked.mapValues { $0 * keep }
            next.totalRelevant = totalRelevant * keep
            next.totalChecked = totalChecked * keep
        }
        for mark in marks {
            let w = weight(mark)
            next.checked[mark.article, default: 0] += w
            next.totalChecked += w
            if mark.relevant {
                next.relevant[mark.article, default: 0] += w
                next.totalRelevant += w
            }
        }
        return next
    }

    /// logit(p_d) − logit(p₀) for `article`.
    public func logOdds(_ article: ArticleID) -> Double {
        let p0 = (totalRelevant + 1) / (totalChecked + 2)
        let r = relevant[article] ?? 0
        let n = checked[article] ?? 0
        let p = (r + smoothing * p0) / (n + smoothing)
        return log(p / (1 - p)) - log(p0 / (1 - p0))
    }
}
