import FlywheelCore
import Testing

@testable import Reports

/// Time to 90% of the best final gain, net value and the recommendation, on hand-made curves.
@Suite struct CadenceStudyTests {
    func rows(_ arm: String, replicate: Int = 0, adoption: [Double], retrains: [Double], minutes: [Double])
        -> [MetricRow]
    {
        adoption.indices.flatMap { i in
            [
                MetricRow(arm: arm, replicate: replicate, iteration: i, metric: "adoption", value: adoption[i]),
                MetricRow(arm: arm, replicate: replicate, iteration: i, metric: "retrains", value: retrains[i]),
                MetricRow(arm: arm, replicate: replicate, iteration: i, metric: "agent_minutes", value: minutes[i])
            ]
        }
    }

    @Test func timeToNinetyPercentAndRecommendation() throws {
        let all =
            rows("c-1w", adoption: [0.1, 0.2, 0.28, 0.30], retrains: [0, 1, 1, 1], minutes: [0, 10, 10, 10])
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
        #expect(study.table().contains("recommended: 1w (net value ahead of 3w by 108; one replicate, no interval)"))
        // Counts print as integers: 3 retrains, not 3.0; net value 154, not 154.0.
        let line = try #require(study.table().split(separator: "\n").first { $0.hasPrefix("1w *") })
        #expect(line.split(separator: " ", omittingEmptySubsequences: true).contains("3"))
        #expect(line.contains(" 154 ") && !line.contains("154.0") && !line.contains("3.0 "))
    }

    /// Three replicates of two cadences and the no-loop row. Replicate net values (value 10 per
    /// point, 1 per retrain, 0.1 per agent minute; gains averaged over iterations 1–2):
    ///   1w: gains 0.10, 0.05, 0.15 → 100, 50, 150, minus 2 retrains and 2 minutes-cost → 96, 46, 146
    ///   2w: gains 0.05, 0.05, 0.05 → 50 each, minus 1 and 2 → 47, 47, 47
    ///   no loop: nothing gained, nothing spent → 0, 0, 0
    @Test func noLoopRowProbabilityBestAndThePairedMarginInterval() throws {
        var all: [MetricRow] = []
        for (r, top) in [0.2, 0.1, 0.3].enumerated() {
            all += rows(
                "c-1w", replicate: r, adoption: [0.1, 0.1 + top / 2, 0.1 + top / 2], retrains: [0, 1, 1],
                minutes: [0, 10, 10])
            all += rows("c-2w", replicate: r, adoption: [0.1, 0.15, 0.15], retrains: [0, 0, 1], minutes: [0, 10, 10])
            all += rows("none", replicate: r, adoption: [0.1, 0.1, 0.1], retrains: [0, 0, 0], minutes: [0, 0, 0])
        }
        func analyse() -> CadenceStudy {
            CadenceStudy.analyse(
                rows: all, arms: [("c-1w", "1w"), ("c-2w", "2w")], noLoopArm: "none", metric: "adoption",
                weeksPerIteration: 1,
                perRetrain: 1, perAgentMinute: 0.1, valuePerPoint: ["adoption": 10])
        }
        let study = analyse()
        #expect(study.rows.map(\.cadence) == ["1w", "2w", "no loop"])
        let noLoop = study.rows[2]
        #expect(noLoop.noLoop == true && noLoop.retrains == 0 && noLoop.agentMinutes == 0 && noLoop.netValue == 0)
        let net = study.rows.map { $0.replicateNetValues ?? [] }
        for (got, want) in zip(net, [[96.0, 46, 146], [47.0, 47, 47], [0.0, 0, 0]]) {
            #expect(zip(got, want).allSatisfy { abs($0 - $1) < 1e-9 }, "\(got) ≠ \(want)")
        }
        // The mean net value is the mean of the replicates' net values.
        #expect(abs(study.rows[0].netValue - 96) < 1e-9 && abs(study.rows[1].netValue - 47) < 1e-9)
        #expect(study.recommended == "1w" && study.runnerUp == "2w" && abs(study.margin - 49) < 1e-9)
        // Paired differences 49, −1, 99: mean 49, s = 50, 95% t half-width 4.3027·50/√3 = 124.207.
        #expect(abs(study.marginLower! - (49 - 124.2069)) < 1e-3 && abs(study.marginUpper! - (49 + 124.2069)) < 1e-3)
        // 1w wins every resample except those of replicate 1 alone: P = 1 − (1/3)^3 ≈ 0.963.
        let p = study.rows.map { $0.probabilityBest ?? -1 }
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        #expect(abs(p[0] - (1 - 1.0 / 27)) < 0.02 && p[2] == 0)
        #expect(analyse().rows.map(\.probabilityBest) == study.rows.map(\.probabilityBest), "a fixed seed")
        #expect(study.table().contains("paired 95% CI [-75, 173]"))
        #expect(study.table().contains("P(best) = share of 2000 bootstrap resamples of the 3 replicates"))
    }

    @Test func noLoopIsRecommendedWhenEveryCadenceCostsMoreThanItGains() {
        let all =
            rows("c-1w", adoption: [0.1, 0.11, 0.11], retrains: [0, 1, 1], minutes: [0, 10, 10])
            + rows("none", adoption: [0.1, 0.1, 0.1], retrains: [0, 0, 0], minutes: [0, 0, 0])
        let study = CadenceStudy.analyse(
            rows: all, arms: [("c-1w", "1w")], noLoopArm: "none", metric: "adoption", weeksPerIteration: 1,
            perRetrain: 50, perAgentMinute: 1, valuePerPoint: ["adoption": 10])
        #expect(study.recommended == "no loop")
        #expect(study.table().contains("not running the loop beats every cadence"))
    }
}
