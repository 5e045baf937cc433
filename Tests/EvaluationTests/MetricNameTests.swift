import Evaluation
import FlywheelCore
import Foundation
import Testing

@Suite struct MetricNameTests {
    @Test func canonicalAndTrecEvalSpellingsParse() {
        #expect(MetricName("recall@75") == .recall75)
        #expect(MetricName("recall_75") == .recall75)
        #expect(MetricName("P@8") == .precision8)
        #expect(MetricName("P_8") == .precision8)
        #expect(MetricName("precision@8") == .precision8)
        #expect(MetricName("ndcg_cut_10") == .ndcg10)
        #expect(MetricName("NDCG@10") == .ndcg10)
        #expect(MetricName("recip_rank") == .mrr)
        #expect(MetricName("recall@1000")?.cutoff == 1000)
        #expect(MetricName.recall75.rawValue == "recall@75")
        #expect(MetricName.precision8.trecEvalName == "P_8")
    }

    @Test func malformedNamesAreRejected() {
        for bad in ["recall", "recall@", "recall@0", "recall@-3", "recall@7.5", "map", "mrr@10", "ndcg@x", ""] {
            #expect(MetricName(bad) == nil, "\(bad)")
        }
    }

    @Test func parseErrorsListTheAcceptedNames() {
        #expect(throws: InputError(field: "metric", "unknown metric \"map\"; expected one of \(MetricName.accepted)")) {
            try MetricName.parse("map")
        }
        #expect(MetricName.accepted.contains("recall@75"))
    }

    @Test func allCasesAreTheHeadlineMetricsAndEachNamesItsMetric() {
        #expect(MetricName.allCases.map(\.rawValue) == ["recall@75", "precision@8", "ndcg@10", "mrr"])
        for name in MetricName.allCases { #expect(name.metric.name == name) }
    }

    @Test func namesEncodeAsBareStrings() throws {
        let data = try JSONEncoder().encode([MetricName.recall75, .mrr])
        #expect(String(decoding: data, as: UTF8.self) == #"["recall@75","mrr"]"#)
        #expect(try JSONDecoder().decode([MetricName].self, from: data) == [.recall75, .mrr])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([MetricName].self, from: Data(#"["map"]"#.utf8))
        }
    }
}
