import Calibration
import Testing

/// The fidelity report's two-sample test against textbook values.
struct ChiSquareTests {
    @Test func upperTailMatchesTables() {
        // χ² critical values: P(χ²₁ ≥ 3.841) = 0.05, P(χ²₄ ≥ 13.277) = 0.01, P(χ²₁₀ ≥ 18.307) = 0.05
        #expect(abs(ChiSquareTest.upperTail(3.841, degreesOfFreedom: 1) - 0.05) < 1e-3)
        #expect(abs(ChiSquareTest.upperTail(13.277, degreesOfFreedom: 4) - 0.01) < 1e-4)
        #expect(abs(ChiSquareTest.upperTail(18.307, degreesOfFreedom: 10) - 0.05) < 1e-4)
        #expect(ChiSquareTest.upperTail(0, degreesOfFreedom: 3) == 1)
    }

    @Test func homogeneityOfTwoSamples() {
        // 2×2: [30, 70] vs [50, 50]: χ² = 8.333, df 1, p = 0.0039
        let t = ChiSquareTest([30, 70], [50, 50])
        #expect(abs(t.statistic - 8.3333) < 1e-3)
        #expect(t.degreesOfFreedom == 1)
        #expect(abs(t.pValue - 0.00389) < 1e-4)
        // identical proportions: χ² = 0, p = 1; categories empty in both are dropped
        let same = ChiSquareTest([10, 0, 20], [20, 0, 40])
        #expect(same.statistic == 0 && same.degreesOfFreedom == 1 && same.pValue == 1)
        // one category or an empty sample: nothing to test
        #expect(ChiSquareTest([5], [7]).pValue == 1)
        #expect(ChiSquareTest([0, 0], [3, 4]).pValue == 1)
    }
}
