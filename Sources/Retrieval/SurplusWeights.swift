import FlywheelCore

/// The weights ``LearnedRetriever/compile()`` turns into its two learned fields, per article
/// (ascending id) and term (ascending): with p₀ the model's base rate and e, d the "relevant" and
/// "not relevant" weights, the evidence is how far e lies outside the range chance gives it:
/// if marks were independent of article and term, e would be Binomial(n = e + d, p₀), with mean
/// μ = p₀n, standard deviation σ = √(n p₀(1 − p₀)) and skewness γ = (1 − 2p₀)/σ. Its upper and
/// lower (1 − α) quantiles, by the Cornish–Fisher expansion (the normal quantile corrected for
/// skewness, which matters at the small counts most pairs have), are
/// μ + σ(±z + (z² − 1)γ/6), z = ``ExpansionConfiguration/evidence``. `positive` holds e − upper
/// when e is above it, `negative` lower − e when e is below it; inside, nothing.
///
/// Why shrink: marks given at random still land on the articles the system shows, which are
/// more often relevant than not; an unshrunk positive surplus would then add the ticket's words
/// to the shown articles — pseudo-relevance feedback that raises recall with no information
/// from the agents. Shrunk, such noise is almost always cut to 0, while marks that agree with
/// each other beyond chance keep most of their weight. A single "relevant" mark is never
/// evidence on its own (at any base rate above α its count is within chance): only marks that
/// repeat for an article and a term are.
///
/// A pure function of the model, kept so that publishing an article (which only changes the
/// index) does not recompute it.
final class SurplusWeights: Sendable {
    typealias Entries = [(article: ArticleID, terms: [(term: String, weight: Double)])]
    let positive: Entries
    let negative: Entries

    init(_ model: ExpansionModel) {
        let p0 = model.baseRate
        let z = model.configuration.evidence
        var positive: Entries = []
        var negative: Entries = []
        let linkSurplus = Self.linkSurplus(model, z: z)
        for article in Set(model.expansion.keys).union(model.demotion.keys).union(linkSurplus.keys).sorted() {
            let e = model.expansion[article]?.pairs ?? []
            let d = model.demotion[article]?.pairs ?? []
            var pos: [(term: String, weight: Double)] = []
            var neg: [(term: String, weight: Double)] = []
            func add(_ term: String, _ e: Double, _ d: Double) {
                let (lower, upper) = Self.chanceRange(n: e + d, p: p0, z: z)
                let net = e > upper ? e - upper : (e < lower ? e - lower : 0)
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
            if let linked = linkSurplus[article] {
                var merged = Dictionary(uniqueKeysWithValues: pos.map { ($0.term, $0.weight) })
                for (term, w) in linked { merged[term, default: 0] += w }
                pos = Self.sortedByTerm(merged).map { (term: $0.key, weight: $0.value) }
            }
            if !pos.isEmpty { positive.append((article, pos)) }
            if !neg.isEmpty { negative.append((article, neg)) }
        }
        self.positive = positive
        self.negative = negative
    }

    /// The evidence of links, per article and term: with n the weight of links to the article,
    /// l the weight of those whose ticket holds the term and q the term's share among all linked
    /// tickets, l is Binomial(n, q) if links were unrelated to what tickets say; the surplus is
    /// l minus that distribution's upper (1 − α) quantile (Cornish–Fisher, as for marks), when
    /// positive. So linking an article often (it is needed often) teaches it only the words its
    /// tickets share beyond chance, not every word of every ticket.
    /// The range a Binomial(n, p) count keeps to by chance: its lower and upper (1 − α)
    /// quantiles by the Cornish–Fisher expansion, μ + σ(±z + (z² − 1)γ/6) with μ = np,
    /// σ = √(np(1 − p)), γ = (1 − 2p)/σ. With z = 0 or no spread, both ends are μ (every surplus
    /// counts).
    static func chanceRange(n: Double, p: Double, z: Double) -> (lower: Double, upper: Double) {
        let mu = n * p
        let sigma = (n * p * (1 - p)).squareRoot()
        guard sigma > 0, z > 0 else { return (mu, mu) }
        let skew = (z * z - 1) * (1 - 2 * p) / sigma / 6
        return (mu + sigma * (-z + skew), mu + sigma * (z + skew))
    }

    static func linkSurplus(_ model: ExpansionModel, z: Double) -> [ArticleID: [String: Double]] {
        guard model.linkTotal > 0 else { return [:] }
        var out: [ArticleID: [String: Double]] = [:]
        for (article, terms) in model.links {
            let n = model.linkCounts[article] ?? 0
            guard n > 0 else { continue }
            var kept: [String: Double] = [:]
            for (term, l) in terms {
                let q = min(1, (model.linkTermCounts[term] ?? 0) / model.linkTotal)
                let upper = Self.chanceRange(n: n, p: q, z: z).upper
                if l > upper { kept[term] = l - upper }
            }
            if !kept.isEmpty { out[article] = kept }
        }
        return out
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
