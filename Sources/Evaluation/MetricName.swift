import Foundation
import FlywheelCore

/// The kinds of ranking metric Flywheel computes: a closed vocabulary.
public enum MetricKind: String, CaseIterable, Sendable, Codable {
    /// ``RecallAtK``, needs a cutoff.
    case recall
    /// ``PrecisionAtK``, needs a cutoff.
    case precision
    /// ``NDCGAtK``, needs a cutoff.
    case ndcg
    /// ``ReciprocalRank`` (mean reciprocal rank over tickets), no cutoff.
    case mrr

    /// Whether names of this kind carry `@k`.
    public var needsCutoff: Bool { self != .mrr }
}

/// The name of a ranking metric: a ``MetricKind`` and, except for `mrr`, a cutoff.
///
/// Canonical spellings are `recall@75`, `precision@8`, `ndcg@10` and `mrr`, for any cutoff ≥ 1.
/// Parsing also accepts `p@8`, `rr`, `recip_rank`, and trec_eval's names `recall_75`, `P_8`,
/// `ndcg_cut_10`. ``allCases`` lists the metrics Flywheel reports by default (docs/evaluation.md).
///
/// ```swift
/// let names = try "recall@75,precision@8".split(separator: ",").map { try MetricName.parse(String($0)) }
/// names[0].metric.value(judged)
/// MetricName("recall@100")?.cutoff   // 100
/// ```
public struct MetricName: Hashable, Sendable, Comparable, CaseIterable, RawRepresentable, Codable,
    CustomStringConvertible
{
    public var kind: MetricKind
    /// The cutoff k; nil for `mrr`.
    public var cutoff: Int?

    public init(_ kind: MetricKind, cutoff: Int? = nil) {
        precondition(kind.needsCutoff == (cutoff != nil), "\(kind) \(kind.needsCutoff ? "needs" : "takes no") cutoff")
        precondition(cutoff.map { $0 > 0 } ?? true, "a cutoff must be ≥ 1")
        self.kind = kind
        self.cutoff = cutoff
    }

    public static let recall75 = MetricName(.recall, cutoff: 75)
    public static let precision8 = MetricName(.precision, cutoff: 8)
    public static let ndcg10 = MetricName(.ndcg, cutoff: 10)
    public static let mrr = MetricName(.mrr)

    /// The metrics Flywheel reports by default: recall@75, precision@8, ndcg@10, mrr.
    public static let allCases: [MetricName] = [.recall75, .precision8, .ndcg10, .mrr]

    /// The forms ``parse(_:field:)`` accepts, for error messages and `--help`.
    public static let accepted =
        "recall@K, precision@K (or p@K), ndcg@K, mrr (K ≥ 1), e.g. recall@75, precision@8, ndcg@10, mrr"

    /// The canonical spelling, e.g. `recall@75`.
    public var rawValue: String {
        if let cutoff { return "\(kind.rawValue)@\(cutoff)" }
        return kind.rawValue
    }

    public var description: String { rawValue }

    /// trec_eval's name for the measure, e.g. `recall_75`, `P_8`, `ndcg_cut_10`, `recip_rank`.
    public var trecEvalName: String {
        switch kind {
        case .recall: "recall_\(cutoff!)"
        case .precision: "P_\(cutoff!)"
        case .ndcg: "ndcg_cut_\(cutoff!)"
        case .mrr: "recip_rank"
        }
    }

    /// The metric this name denotes.
    public var metric: any RankingMetric {
        switch kind {
        case .recall: RecallAtK(k: cutoff!)
        case .precision: PrecisionAtK(k: cutoff!)
        case .ndcg: NDCGAtK(k: cutoff!)
        case .mrr: ReciprocalRank()
        }
    }

    /// Parses any accepted spelling (case-insensitive for the kind); nil when not a metric name.
    public init?(rawValue: String) {
        let text = rawValue.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        if ["mrr", "rr", "recip_rank"].contains(lower) {
            self.init(.mrr)
            return
        }
        let prefixes: [(String, MetricKind)] = [
            ("recall@", .recall), ("recall_", .recall), ("precision@", .precision), ("p@", .precision),
            ("p_", .precision), ("ndcg@", .ndcg), ("ndcg_cut_", .ndcg), ("ndcg_cut.", .ndcg),
            ("recall.", .recall), ("p.", .precision)
        ]
        for (prefix, kind) in prefixes where lower.hasPrefix(prefix) {
            let digits = lower.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let k = Int(digits), k > 0 else { return nil }
            self.init(kind, cutoff: k)
            return
        }
        return nil
    }

    public init?(_ text: String) { self.init(rawValue: text) }

    /// Parses a user-given metric name.
    ///
    /// - Throws: ``InputError`` (with `field`) that lists the accepted names.
    public static func parse(_ text: String, field: String? = "metric") throws -> MetricName {
        guard let name = MetricName(rawValue: text) else {
            throw InputError(field: field, "unknown metric \"\(text)\"; expected one of \(accepted)")
        }
        return name
    }

    /// Orders by kind (recall, precision, ndcg, mrr), then cutoff.
    public static func < (l: MetricName, r: MetricName) -> Bool {
        let li = MetricKind.allCases.firstIndex(of: l.kind)!
        let ri = MetricKind.allCases.firstIndex(of: r.kind)!
        return li != ri ? li < ri : (l.cutoff ?? 0) < (r.cutoff ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let name = MetricName(rawValue: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown metric \"\(text)\"; expected one of \(MetricName.accepted)"))
        }
        self = name
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
