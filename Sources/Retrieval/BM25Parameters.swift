/// The parameters of ``BM25Index``: Lucene's BM25 with per-field weights.
///
/// Defaults (k1 1.2, b 0.75) are Lucene's `BM25Similarity` defaults. Field weights scale the
/// term frequency and length a field contributes (BM25F-style, see ``BM25Index``); with both at
/// 1 the index scores exactly like Lucene or bm25s (`method="lucene"`) over title + body.
public struct BM25Parameters: Hashable, Codable, Sendable {
    /// Term-frequency saturation, ≥ 0.
    public var k1: Double
    /// Length normalisation, in [0, 1].
    public var b: Double
    /// Weight of a title occurrence, ≥ 0.
    public var titleWeight: Double
    /// Weight of a body occurrence, ≥ 0.
    public var bodyWeight: Double

    public init(k1: Double = 1.2, b: Double = 0.75, titleWeight: Double = 1, bodyWeight: Double = 1) {
        self.k1 = k1
        self.b = b
        self.titleWeight = titleWeight
        self.bodyWeight = bodyWeight
    }

    enum CodingKeys: String, CodingKey {
        case k1, b
        case titleWeight = "title_weight"
        case bodyWeight = "body_weight"
    }

    public init(from decoder: any Decoder) throws {
        let d = BM25Parameters()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        k1 = try c.decodeIfPresent(Double.self, forKey: .k1) ?? d.k1
        b = try c.decodeIfPresent(Double.self, forKey: .b) ?? d.b
        titleWeight = try c.decodeIfPresent(Double.self, forKey: .titleWeight) ?? d.titleWeight
        bodyWeight = try c.decodeIfPresent(Double.self, forKey: .bodyWeight) ?? d.bodyWeight
    }

    /// Lucene's idf: ln(1 + (N − df + 0.5) / (df + 0.5)); never negative.
    @inline(__always)
    public static func idf(documentFrequency df: Int, documentCount n: Int) -> Double {
        log1p((Double(n) - Double(df) + 0.5) / (Double(df) + 0.5))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
