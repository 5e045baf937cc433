import Foundation
import Reports
import Scenarios

extension CheckOutcome {
    /// `flywheel check --format json`: the whole outcome as one JSON document.
    struct Document: Encodable {
        struct Assertion: Encodable {
            var name: String
            var kind: String
            var arm: String
            var metric: String
            var passed: Bool
            var measured: Double?
            var lower: Double?
            var upper: Double?
            var reason: String
        }
        struct ScenarioDocument: Encodable {
            var file: String
            var name: String
            /// "ran", "reused" or "unchecked" (no `expect:` assertions; not run).
            var status: String
            var directory: String?
            var assertions: [Assertion]
        }
        var version: String
        var exitStatus: Int32
        var passed: Int
        var failed: Int
        var unchecked: Int
        var strict: Bool
        var error: String?
        var scenarios: [ScenarioDocument]
        var summary: String

        enum CodingKeys: String, CodingKey {
            case version, passed, failed, unchecked, strict, error, scenarios, summary
            case exitStatus = "exit_status"
        }
    }

    var document: Document {
        Document(
            version: "1", exitStatus: exitStatus, passed: passed, failed: failed, unchecked: unchecked, strict: strict,
            error: error,
            scenarios: scenarios.map { s in
                Document.ScenarioDocument(
                    file: s.file, name: s.name, status: s.unchecked ? "unchecked" : (s.reused ? "reused" : "ran"),
                    directory: s.directory,
                    assertions: s.results.map { r in
                        Document.Assertion(
                            name: r.name, kind: r.expectation.kind.rawValue, arm: r.expectation.target.arm,
                            metric: r.expectation.target.metric, passed: r.passed,
                            measured: r.measured.flatMap(Self.finite),
                            lower: r.lower.flatMap(Self.finite), upper: r.upper.flatMap(Self.finite), reason: r.reason)
                    }
                        // --baseline: measured = the mean gap over the curve (this − stored), with its interval.
                        + s.baseline.map { v in
                            Document.Assertion(
                                name: v.name, kind: "baseline", arm: v.gap.arm, metric: v.gap.metric, passed: v.passed,
                                measured: Self.finite(v.gap.area.mean), lower: v.gap.area.lower.flatMap(Self.finite),
                                upper: v.gap.area.upper.flatMap(Self.finite), reason: v.reason)
                        })
            },
            summary: error.map { "error: \($0)" } ?? summaryLine)
    }

    /// The JSON text (sorted keys, one document, a final newline). Non-finite numbers are null.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    private static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
}
