import Evaluation
import FlywheelCore
import Testing

/// The metric catalogue: one name per metric at any depths, each name read back as its metric,
/// headline metrics following the depths, and the ranges and trec_eval names the reports use.
@Suite struct EngineMetricTests {
    static let depths = [MetricDepths(retriever: 75, reranker: 8), MetricDepths(retriever: 50, reranker: 5)]

    @Test(arguments: depths) func everyNameIsUniqueAndReadsBackAsItsMetric(_ d: MetricDepths) {
        let names = EngineMetric.names(d)
        #expect(Set(names).count == names.count)
        for metric in EngineMetric.allCases {
            #expect(EngineMetric(name: metric.name(d)) == metric, "\(metric.name(d))")
        }
    }

    @Test func namesTheEngineNeverWritesAreNotMetrics() {
        for name in ["recall", "ndcg@5", "P_8", "recall_75", "Recall@75", "annotations_telepathy", "gate_rejection", ""]
        {
            #expect(EngineMetric(name: name) == nil, "\(name)")
        }
    }

    @Test func headlineMetricsFollowTheDepths() {
        let names = EngineMetric.names(MetricDepths(retriever: 50, reranker: 5)).reversed()
        #expect(
            EngineMetric.headline(among: names)
                == ["recall@50", "precision@5", "ndcg@10", "mrr", "helpfulness", "helpfulness_ge4", "adoption"])
        #expect(EngineMetric.headline(among: ["served", "kb_size"]).isEmpty)
    }

    /// docs/architecture.md's "add a metric" example, line for line.
    @Test func theArchitecturePagesExampleHolds() {
        let depths = MetricDepths(retriever: 50, reranker: 5)
        #expect(EngineMetric.gateRejections.name(depths) == "gate_rejections")
        #expect(EngineMetric(name: "precision@5") == .precision)
        #expect(
            EngineMetric.headline(among: EngineMetric.names(depths))
                == ["recall@50", "precision@5", "ndcg@10", "mrr", "helpfulness", "helpfulness_ge4", "adoption"])
        // What a new metric gets from the catalogue alone: its name, its unit, its place.
        #expect(EngineMetric.unit(of: "gate_rejections") == "count" && !EngineMetric.isHeadline("gate_rejections"))
    }

    @Test func rankingMetricsCarryTheirTrecEvalNames() {
        let d = MetricDepths(retriever: 75, reranker: 8)
        #expect(
            EngineMetric.allCases.compactMap { $0.trecEvalName(d) } == ["recall_75", "P_8", "ndcg_cut_10", "recip_rank"]
        )
    }

    @Test func rangesBoundSharesAndScoresButNotCounts() {
        #expect(EngineMetric.range(of: "recall@50") == 0...1)
        #expect(EngineMetric.range(of: "helpfulness") == 1...5)
        #expect(EngineMetric.differenceRange(of: "helpfulness") == -4...4)
        #expect(EngineMetric.range(of: "gate_rejections") == nil && EngineMetric.range(of: "served") == nil)
        for metric in EngineMetric.allCases where metric.isHeadline { #expect(metric.range != nil) }
        #expect(EngineMetric.unit(of: "precision@5") == "score 0–1, mean over held-out tickets")
        #expect(EngineMetric.annotations(.relevance).unit == "annotations per window")
    }
}
