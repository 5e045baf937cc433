/// One article's learned weights by term (``ExpansionModel``), as two parallel arrays sorted by
/// term: 24 bytes per term (its string and its weight), where a `[String: Double]` kept up to
/// twice the buckets it has entries (about 43 bytes a term on average, before the table's own
/// header). The model holds one of these per article and kind of mark, up to
/// ``ExpansionConfiguration/cap`` terms each, for the whole run: at a year of tickets they were
/// the largest share of the retriever's memory (see BENCHMARKS.md, growth curves).
///
/// Lookups are a binary search. The order is canonical, so equal weights are equal values;
/// equality and the encoded form are those of the term → weight dictionary it replaces, and a
/// dictionary literal makes one (`let w: TermWeights = ["refund": 1]`).
public struct TermWeights: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral, Sequence {
    /// The terms, ascending, distinct.
    public private(set) var keys: [String] = []
    /// The weight of each term of ``keys``, at the same index.
    public private(set) var values: [Double] = []

    public init() {}

    /// The terms of `weights`, sorted.
    public init(_ weights: [String: Double]) {
        self.init(sortedUnique: weights.sorted { $0.key < $1.key })
    }

    public init(dictionaryLiteral elements: (String, Double)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// `pairs`, already ascending by term and distinct; the arrays are sized exactly.
    init(sortedUnique pairs: some Collection<(key: String, value: Double)>) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs {
            keys.append(k)
            values.append(v)
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Index of `term` in ``keys``, or where it would be inserted.
    func index(of term: String) -> (index: Int, found: Bool) {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < term { lo = mid + 1 } else { hi = mid }
        }
        return (lo, lo < keys.count && keys[lo] == term)
    }

    /// The weight of `term`, nil when the article has none for it.
    public subscript(term: String) -> Double? {
        let (i, found) = index(of: term)
        return found ? values[i] : nil
    }

    /// Every weight multiplied by `factor` (the terms' storage is shared, not copied).
    func scaled(by factor: Double) -> TermWeights {
        var out = self
        out.values = values.map { $0 * factor }
        return out
    }

    /// These weights with `updates` (ascending by term, distinct) written over them: a term of
    /// `updates` takes its value there, new or not; the others keep theirs.
    func merged(with updates: [(key: String, value: Double)]) -> TermWeights {
        var out = TermWeights()
        out.keys.reserveCapacity(count + updates.count)
        out.values.reserveCapacity(count + updates.count)
        var i = 0
        for (k, v) in updates {
            while i < keys.count && keys[i] < k {
                out.keys.append(keys[i])
                out.values.append(values[i])
                i += 1
            }
            if i < keys.count && keys[i] == k { i += 1 }
            out.keys.append(k)
            out.values.append(v)
        }
        out.keys.append(contentsOf: keys[i...])
        out.values.append(contentsOf: values[i...])
        out.shrinkToFit()
        return out
    }

    /// Only the terms whose weight satisfies `keep`, sized exactly (self when all are kept).
    func filtered(keeping keep: (Double) -> Bool) -> TermWeights {
        guard !values.allSatisfy(keep) else { return self }
        return TermWeights(sortedUnique: pairs.filter { keep($0.value) })
    }

    /// Releases spare capacity (more than an eighth, at least two terms).
    private mutating func shrinkToFit() {
        let spare = Swift.max(2, keys.count / 8)
        if keys.capacity > keys.count + spare { keys = keys.map { $0 } }
        if values.capacity > values.count + spare { values = values.map { $0 } }
    }

    /// (term, weight) pairs, ascending by term.
    public var pairs: [(key: String, value: Double)] { zip(keys, values).map { (key: $0, value: $1) } }

    public func makeIterator() -> Zip2Sequence<[String], [Double]>.Iterator { zip(keys, values).makeIterator() }

    public var underestimatedCount: Int { keys.count }

    public static func == (lhs: TermWeights, rhs: TermWeights) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }

    public init(from decoder: Decoder) throws {
        self.init(try [String: Double](from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        try Dictionary(uniqueKeysWithValues: zip(keys, values)).encode(to: encoder)
    }
}
