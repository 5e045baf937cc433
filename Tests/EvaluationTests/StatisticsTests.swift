import Evaluation
import FlywheelCore
import Testing

@Suite struct StudentTTests {
    /// Reference quantiles (R's `qt`, to the digits shown; checked independently by Simpson
    /// integration of the density to 1e-13). Tolerance 1e-9.
    @Test(arguments: [
        (0.975, 1.0, 12.706204736174698), (0.975, 2.0, 4.302652729749464), (0.975, 3.0, 3.182446305284263),
        (0.975, 5.0, 2.570581835636314), (0.975, 10.0, 2.228138851986274), (0.975, 30.0, 2.042272456301238),
        (0.995, 4.0, 4.604094871415897), (0.95, 20.0, 1.724718242920787)
    ])
    func quantileMatchesReferenceValues(p: Double, df: Double, expected: Double) {
        #expect(abs(StudentT(degreesOfFreedom: df).quantile(p) - expected) < 1e-9)
        #expect(abs(StudentT(degreesOfFreedom: df).quantile(1 - p) + expected) < 1e-9)
    }

    @Test func cdfInvertsTheQuantileAcrossDegreesOfFreedom() {
        for df in [1.0, 2, 3, 4, 7, 15, 29, 100, 1000] {
            let t = StudentT(degreesOfFreedom: df)
            for p in [0.001, 0.025, 0.1, 0.5, 0.8, 0.975, 0.9995] {
                #expect(abs(t.cdf(t.quantile(p)) - p) < 1e-12, "df \(df) p \(p)")
            }
        }
    }

    @Test func largeDegreesOfFreedomApproachTheNormal() {
        // z(0.975) = 1.959963984540054; t(0.975, 1e6) differs by about 2.4e-6.
        #expect(abs(StudentT(degreesOfFreedom: 1_000_000).quantile(0.975) - 1.959963984540054) < 1e-5)
    }
}

@Suite struct MeanEstimateTests {
    @Test func threeReplicatesGiveTheTextbookTInterval() throws {
        let e = try #require(MeanEstimate([0.61, 0.64, 0.60]))
        #expect(abs(e.mean - 0.6166666666666667) < 1e-15)
        let ci = try #require(e.interval)
        // mean ± t(0.975, 2) · s/√3 with s = 0.0208167: computed independently in Python.
        #expect(abs(ci.lower - 0.564955216541244) < 1e-12)
        #expect(abs(ci.upper - 0.6683781167920894) < 1e-12)
        #expect(ci.level == 0.95)
    }

    @Test func oneValueHasAMeanButNoInterval() throws {
        let e = try #require(MeanEstimate([0.7]))
        #expect(e.mean == 0.7)
        #expect(e.interval == nil && e.standardDeviation == nil && e.standardError == nil)
    }

    @Test func noValuesHaveNoEstimate() {
        #expect(MeanEstimate([]) == nil)
    }
}

@Suite struct BootstrapTests {
    let sample: [Double] = {
        var rng = RandomStream(seed: 3, purpose: "bootstrap-test-sample")
        return (0..<200).map { _ in 0.5 + 0.2 * rng.normal() }
    }()

    @Test func theSameStreamGivesTheSameIntervalAndAnotherStreamAnother() throws {
        let rng = RandomStream(seed: 11, purpose: "bootstrap")
        let a = try #require(Bootstrap.meanInterval(sample, resamples: 2000, rng: rng))
        let b = try #require(Bootstrap.meanInterval(sample, resamples: 2000, rng: rng))
        let c = try #require(Bootstrap.meanInterval(sample, resamples: 2000, rng: rng.derived("other")))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func percentileIntervalIsCloseToTheTIntervalForANormalSample() throws {
        // For n = 200 draws the two intervals agree to a few percent of their width; 2,000
        // resamples put about ±3% Monte-Carlo noise on each bound's position. Tolerance: 15% of width.
        let boot = try #require(
            Bootstrap.meanInterval(sample, resamples: 2000, rng: RandomStream(seed: 5, purpose: "b")))
        let t = try #require(MeanEstimate(sample)?.interval)
        #expect(abs(boot.lower - t.lower) < 0.15 * t.width)
        #expect(abs(boot.upper - t.upper) < 0.15 * t.width)
        #expect(boot.contains(Statistics.mean(sample)))
    }

    @Test func fewerThanTwoValuesGiveNoInterval() {
        let rng = RandomStream(seed: 1, purpose: "b")
        #expect(Bootstrap.meanInterval([], rng: rng) == nil)
        #expect(Bootstrap.meanInterval([0.4], rng: rng) == nil)
    }

    @Test func quantileInterpolatesLikeNumPy() {
        // numpy.quantile([1, 2, 3, 4], 0.1) == 1.3 (type 7).
        #expect(abs(Statistics.quantile(sorted: [1, 2, 3, 4], 0.1) - 1.3) < 1e-15)
        #expect(Statistics.quantile(sorted: [1, 2, 3, 4], 1) == 4)
        #expect(Statistics.quantile(sorted: [5], 0.5) == 5)
    }
}

@Suite struct PairedDifferenceTests {
    @Test func pairedTTestMatchesAWorkedExample() throws {
        // d = 1, 2, 3, 4, 5: mean 3, s = 1.5811388, t = 3/(s/√5) = 4.2426407, df = 4,
        // two-sided p = 0.0132356 (Simpson integration of the t density, computed independently).
        let d = try #require(PairedDifference([2, 4, 6, 8, 10], [1, 2, 3, 4, 5]))
        #expect(d.meanDifference == 3)
        #expect(abs(d.tStatistic! - 4.242640687119285) < 1e-12)
        #expect(abs(d.pValue! - 0.013235599563697242) < 1e-9)
        let ci = try #require(d.tInterval)
        // 3 ± 2.776445105 · 0.7071068
        #expect(abs(ci.lower - (3 - 2.7764451051977987 * 0.7071067811865476)) < 1e-9)
        #expect(d.bootstrapInterval == nil)
    }

    @Test func aConstantDifferenceHasAZeroWidthIntervalAndPValueZero() throws {
        // Differences exact in binary (0.5), so s_d is exactly 0.
        let d = try #require(PairedDifference([1.5, 2.5, 3.5], [1, 2, 3], rng: RandomStream(seed: 2, purpose: "p")))
        #expect(d.meanDifference == 0.5)
        #expect(d.tInterval!.width == 0)
        #expect(d.pValue == 0)
        #expect(d.tStatistic == nil)
        #expect(d.bootstrapInterval!.width == 0)
    }

    @Test func identicalSamplesHavePValueOne() throws {
        let d = try #require(PairedDifference([0.3, 0.4], [0.3, 0.4]))
        #expect(d.meanDifference == 0 && d.pValue == 1)
    }

    @Test func onePairHasADifferenceButNoInferenceAndNoPairsHaveNothing() throws {
        let d = try #require(PairedDifference([0.9], [0.4], rng: RandomStream(seed: 2, purpose: "p")))
        #expect(abs(d.meanDifference - 0.5) < 1e-15)
        #expect(d.tInterval == nil && d.pValue == nil && d.bootstrapInterval == nil)
        #expect(PairedDifference([], []) == nil)
    }

    @Test func bootstrapIntervalOfTheDifferenceIsDeterministicAndContainsTheMean() throws {
        var rng = RandomStream(seed: 8, purpose: "paired-sample")
        let b = (0..<60).map { _ in rng.uniform() }
        let a = b.map { $0 + 0.05 + 0.1 * rng.normal() }
        let stream = RandomStream(seed: 8, purpose: "paired-bootstrap")
        let first = try #require(PairedDifference(a, b, resamples: 1000, rng: stream))
        let second = try #require(PairedDifference(a, b, resamples: 1000, rng: stream))
        #expect(first == second)
        #expect(first.bootstrapInterval!.contains(first.meanDifference))
    }
}

@Suite struct ReportPairingTests {
    @Test func reportsPairOnTheTicketsTheyShare() throws {
        let qrels = Qrels(["t1": ["a": 1], "t2": ["a": 1], "t3": ["a": 1]])
        func list(_ t: TicketID, _ articles: [ArticleID]) -> RankedList {
            RankedList(ticket: t, entries: articles.enumerated().map { .init(article: $1, score: -Double($0)) })
        }
        // Better system: a first on t1, t2, t3. Baseline: a second everywhere, t3 not run.
        let better = evaluate(
            run: Run([list("t1", ["a"]), list("t2", ["a"]), list("t3", ["a"])]), qrels: qrels,
            metrics: [.mrr], selection: .trecEval)
        let baseline = evaluate(
            run: Run([list("t1", ["x", "a"]), list("t2", ["x", "a"])]), qrels: qrels,
            metrics: [.mrr], selection: .trecEval)
        let d = try #require(better.pairedDifference(versus: baseline, metric: .mrr))
        #expect(d.count == 2)
        #expect(d.meanDifference == 0.5)
        #expect(better.pairedDifference(versus: baseline, metric: .recall75) == nil)
    }
}
