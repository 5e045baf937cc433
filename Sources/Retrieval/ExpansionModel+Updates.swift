import FlywheelCore

extension ExpansionModel {
    /// One retraining's additions to one of the model's weight tables (expansion, demotion or
    /// links), gathered in dictionaries and written into the model's sorted arrays
    /// (``TermWeights``) once per article at the end: inserting into a sorted array term by
    /// term would move its tail at every new term.
    ///
    /// A running sum starts from the weight the table had (0 for a new term), so each weight
    /// is the table's weight plus the marks' additions in the order they came: the same
    /// floating-point sum as adding to the table directly.
    struct Updates {
        private(set) var base: [ArticleID: TermWeights]
        private var sums: [ArticleID: [String: Double]] = [:]

        init(_ base: [ArticleID: TermWeights]) { self.base = base }

        /// Adds `weight` to each of `terms` (distinct) of `article`.
        mutating func add(_ weight: Double, to terms: [String], of article: ArticleID) {
            let old = base[article]
            var sum = sums.removeValue(forKey: article) ?? [:]
            for term in terms {
                if let s = sum[term] {
                    sum[term] = s + weight
                } else {
                    sum[term] = (old?[term] ?? 0) + weight
                }
            }
            sums[article] = sum
        }

        /// The table with every running sum written into it.
        func applied() -> [ArticleID: TermWeights] {
            var out = base
            for (article, sum) in sums {
                let updates = sum.sorted { $0.key < $1.key }
                out[article] = (base[article] ?? TermWeights()).merged(with: updates)
            }
            return out
        }
    }
}
