import Testing

@testable import Evaluation

@Suite struct RangeAndTailTests {
    @Test func binomialUpperTailMatchesHandComputedValues() {
        // P(X ≥ 2 | n = 3, p = 0.5) = 4/8; P(X ≥ 3 | 3, 0.2) = 0.008; P(X ≥ 1 | 10, 0.1) = 1 − 0.9^10.
        #expect(abs(Binomial.upperTail(atLeast: 2, of: 3, p: 0.5) - 0.5) < 1e-12)
        #expect(abs(Binomial.upperTail(atLeast: 3, of: 3, p: 0.2) - 0.008) < 1e-12)
        #expect(abs(Binomial.upperTail(atLeast: 1, of: 10, p: 0.1) - (1 - pow(0.9, 10))) < 1e-12)
        #expect(Binomial.upperTail(atLeast: 0, of: 5, p: 0.3) == 1)
        #expect(Binomial.upperTail(atLeast: 6, of: 5, p: 0.3) == 0)
    }

    @Test func intervalsNeverLeaveTheMetricsRange() {
        // Two replicates of an adoption share: the t interval (t(0.975, 1) = 12.7) is far wider
        // than [0, 1]; clipped, it stays inside and says so.
        let e = MeanEstimate([0.05, 0.9])!
        #expect(e.interval!.lower < 0 && e.interval!.upper > 1)
        let (clipped, changed) = e.interval!.clipped(to: EngineMetric.range(of: "adoption"))
        #expect(changed && clipped.lower == 0 && clipped.upper == 1)
        #expect(EngineMetric.range(of: "helpfulness") == 1...5)
        #expect(EngineMetric.range(of: "recall@50") == 0...1)
        #expect(EngineMetric.differenceRange(of: "helpfulness") == -4...4)
        #expect(EngineMetric.range(of: "agent_minutes") == nil)
    }
}

import Foundation
