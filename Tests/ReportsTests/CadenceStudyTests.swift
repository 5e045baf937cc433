import FlywheelCore
import Testing

@testable import Reports

/// Time to 90% of the best final gain, net value and the recommendation, on hand-made curves.
@Suite struct CadenceStudyTests {
    func rows(_ arm: String, adoption: [Double], retrains: [Double], minutes: [Double]) -> [MetricRow] {
        adoption.indices.flatMap { i in
            [MetricRow(arm: arm, replicate: 0, iteration: i, metric: "adoption", value: adoption[i]),
             MetricRow(arm: arm, replicate: 0, iteration: i, metric: "retrains", value: retrains[i]),
             MetricRow(arm: arm, replicate: 0, iteration: i, metric: "agent_minutes", value: minutes[i])]
        }
    }

    @Test func timeToNinetyPercentAndRecommendation() {
        let all = rows("c-1w", adoption: [0.1, 0.2, 0.28, 0.30], retrains: [0, 1, 1, 1], minutes: [0, 10, 10, 10])
            + rows("c-3w", adoption: [0.1, 0.1, 0.1, 0.25], retrains: [0, 0, 0, 1], minutes: [0, 10, 10, 10])
        let study = CadenceStudy.analyse(
            rows: all, arms: [("c-1w", "1w"), ("c-3w", "3w")], metric: "adoption", weeksPerIteration: 1,
            perRetrain: 1, perAgentMinute: 0.1, valuePerPoint: ["adoption": 10])
        // Best final gain 0.20 (1w); 90% = 0.18 above the start: 1w reaches it at week 2, 3w never.
        #expect(abs(study.bestFinalGain - 0.2) < 1e-12)
        #expect(study.rows[0].weeksTo90 == 2 && study.rows[1].weeksTo90 == nil)
        // 1w: mean gain (0.1+0.18+0.2)/3 = 0.16 → 10·100·0.16 = 160, − 3 retrains − 3 minutes-cost = 154.
        #expect(abs(study.rows[0].netValue - 154) < 1e-9)
        // 3w: mean gain 0.05 → 50 − 1 − 3 = 46.
        #expect(abs(study.rows[1].netValue - 46) < 1e-9)
        #expect(study.recommended == "1w" && abs(study.margin - 108) < 1e-9)
        #expect(study.table().contains("recommended cadence: 1w"))
    }
}
