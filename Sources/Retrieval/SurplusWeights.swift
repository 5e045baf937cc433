import FlywheelCore

/// The weights ``LearnedRetriever/compile()`` turns into its two learned fields, per article
/// (ascending id) and term (ascending): with p₀ the model's base rate and e, d the "relevant" and
/// "not relevant" weights, the surplus s = e − p₀·(e + d); `positive` holds s > 0 and `negative`
/// −s for s < 0. A pure function of the model, kept so that publishing an article (which only
/// changes the index) does not recompute it.
final class SurplusWeights: Sendable {
    typealias Entries = [(article: ArticleID, terms: [(term: String, weight: Double)])]
    let positive: Entries
    let negative: Entries

    init(_ model: ExpansionModel) {
        let p0 = model.baseRate
        var positive: Entries = []
        var negative: Entries = []
        for article in Set(model.expansion.keys).union(model.demotion.keys).sorted() {
            let e = Self.sortedByTerm(model.expansion[article] ?? [:])
            let d = Self.sortedByTerm(model.demotion[article] ?? [:])
            var pos: [(term: String, weight: Double)] = []
            var neg: [(term: String, weight: Double)] = []
            func add(_ term: String, _ e: Double, _ d: Double) {
                let net = e - p0 * (e + d)
                if net > 0 { pos.append((term, net)) }
                if net < 0 { neg.append((term, -net)) }
            }
            // merge the two term lists, ascending
            var i = 0, j = 0
            while i < e.count || j < d.count {
                if j == d.count || (i < e.count && e[i].key < d[j].key) {
                    add(e[i].key, e[i].value, 0)
                    i += 1
                } else if i == e.count || d[j].key < e[i].key {
                    add(d[j].key, 0, d[j].value)
                    j += 1
                } else {
                    add(e[i].key, e[i].value, d[j].value)
                    i += 1
                    j += 1
                }
            }
            if !pos.isEmpty { positive.append((article, pos)) }
            if !neg.isEmpty { negative.append((article, neg)) }
        }
        self.positive = positive
        self.negative = negative
    }

    /// `weights` sorted by term, as `sorted { $0.key < $1.key }`: when every term is ASCII,
    /// by its first eight bytes as a big-endian integer first (byte order is `String` order for
    /// ASCII, and a shorter prefix pads with zeros, which sort first), comparing whole strings
    /// only on equal prefixes. Every article's terms are sorted on every retraining.
    static func sortedByTerm(_ weights: [String: Double]) -> [(key: String, value: Double)] {
        var keyed: [(prefix: UInt64, key: String, value: Double)] = []
        keyed.reserveCapacity(weights.count)
        for (term, weight) in weights {
            var prefix: UInt64 = 0
            var ascii = true
            var n = 0
            for b in term.utf8 {
                if b >= 0x80 { ascii = false }
                if n < 8 { prefix |= UInt64(b) << (56 - 8 * UInt64(n)) }
                n += 1
            }
            guard ascii else { return weights.sorted { $0.key < $1.key } }
            keyed.append((prefix, term, weight))
        }
        keyed.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : $0.key < $1.key }
        return keyed.map { ($0.key, $0.value) }
    }
}
