import Evaluation
import FlywheelCore
import Testing
import WorldTruth

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Metric values worked out by hand, one corner of trec_eval's semantics per test.
@Suite struct MetricHandComputedTests {
    /// A ranking whose scores fall with position, so the order is exactly `articles`.
    func list(_ ticket: TicketID, _ articles: [ArticleID]) -> RankedList {
        RankedList(
            ticket: ticket,
            entries: articles.enumerated().map { .init(article: $1, score: Double(articles.count - $0)) })
    }

    func report(
        _ lists: [RankedList], _ qrels: [TicketID: [ArticleID: Int]], _ metrics: [MetricName],
        selection: QuerySelection = .withRelevant
    ) -> EvaluationReport {
        evaluate(run: Run(lists), qrels: Qrels(qrels), metrics: metrics, selection: selection)
    }

    @Test func emptyRunScoresZeroForEveryJudgedTicketByDefault() {
        let r = report([], ["t1": ["a": 1], "t2": ["b": 2]], MetricName.allCases)
        #expect(r.tickets == ["t1", "t2"])
        for metric in MetricName.allCases { #expect(r.values(metric) == [0, 0]) }
    }

    @Test func emptyRunEvaluatesNothingUnderTrecEvalSoTheMeanIsZero() {
        let r = report([], ["t1": ["a": 1]], [.recall75], selection: .trecEval)
        #expect(r.tickets.isEmpty)
        #expect(r.mean(.recall75) == 0)
    }

    @Test func anEmptyRankingIsEvaluatedUnderTrecEvalAndScoresZero() {
        let r = report(
            [RankedList(ticket: "t1", entries: [])], ["t1": ["a": 1]], MetricName.allCases,
            selection: .trecEval)
        #expect(r.tickets == ["t1"])
        for metric in MetricName.allCases { #expect(r.value(metric, for: "t1") == 0) }
    }

    @Test func unjudgedArticlesCountAsNotRelevantExactlyLikeJudgedZeros() {
        // Ranking u1 a u2 b; a and b relevant, c judged 0 and not retrieved.
        let qrels: [TicketID: [ArticleID: Int]] = ["t": ["a": 1, "b": 2, "c": 0]]
        let metrics: [MetricName] = [
            .init(.recall, cutoff: 2), .init(.recall, cutoff: 4),
            .init(.precision, cutoff: 2), .init(.precision, cutoff: 4)
        ]
        let unjudged = report([list("t", ["u1", "a", "u2", "b"])], qrels, metrics)
        #expect(unjudged.values(metrics[0]) == [0.5])  // 1 of 2 relevant in the top 2
        #expect(unjudged.values(metrics[1]) == [1.0])
        #expect(unjudged.values(metrics[2]) == [0.5])  // 1 relevant / 2
        #expect(unjudged.values(metrics[3]) == [0.5])  // 2 relevant / 4
        // The same ranking with a judged-non-relevant article in place of u1 scores the same.
        let judgedZero = report([list("t", ["c", "a", "u2", "b"])], qrels, metrics)
        #expect(judgedZero.values == unjudged.values)
    }

    @Test func scoreTiesAreBrokenByArticleIdDescendingInByteOrder() {
        let tied = RankedList(
            ticket: "t",
            entries: [
                .init(article: "a", score: 1), .init(article: "b", score: 1), .init(article: "c", score: 1)
            ])
        // trec_eval order: c, b, a → the relevant "a" is third.
        #expect(report([tied], ["t": ["a": 1]], [.mrr]).values(.mrr) == [1.0 / 3])
        #expect(Run([tied]).ranking(for: "t")?.articles == ["c", "b", "a"])
        // Byte order: "B" (0x42) < "a" (0x61) < "c", so the order is c, a, B and "a" is second.
        let mixedCase = RankedList(
            ticket: "t",
            entries: [
                .init(article: "a", score: 1), .init(article: "B", score: 1), .init(article: "c", score: 1)
            ])
        #expect(Run([mixedCase]).ranking(for: "t")?.articles == ["c", "a", "B"])
    }

    @Test func scoresAreComparedInSinglePrecisionLikeTrecEval() {
        // 1.0000000001 rounds to Float 1.0: a tie, so id order (b before a) decides.
        let nearTie = RankedList(
            ticket: "t",
            entries: [
                .init(article: "a", score: 1.000_000_000_1), .init(article: "b", score: 1.0)
            ])
        #expect(Run([nearTie]).ranking(for: "t")?.articles == ["b", "a"])
        // 1.000001 is a different Float: the higher score wins.
        let distinct = RankedList(
            ticket: "t",
            entries: [
                .init(article: "a", score: 1.000_001), .init(article: "b", score: 1.0)
            ])
        #expect(Run([distinct]).ranking(for: "t")?.articles == ["a", "b"])
    }

    @Test func precisionDividesByKEvenWhenTheRunIsShorterThanK() {
        let r = report(
            [list("t", ["a", "x"])], ["t": ["a": 1, "b": 1]],
            [.precision8, .recall75, .init(.ndcg, cutoff: 10)])
        #expect(r.values(.precision8) == [1.0 / 8])
        #expect(r.values(.recall75) == [0.5])
        // DCG = 1/log2(2) = 1; IDCG = 1 + 1/log2(3).
        let ndcg = r.values(.init(.ndcg, cutoff: 10))[0]
        #expect(abs(ndcg - 1 / (1 + 1 / log2(3.0))) < 1e-12)
    }

    @Test func ticketWithoutRelevantArticlesIsLeftOutByDefaultAndScoresZeroUnderTrecEval() {
        let lists = [list("none", ["x"]), list("some", ["a"])]
        let qrels: [TicketID: [ArticleID: Int]] = ["none": ["x": 0], "some": ["a": 1]]
        let ours = report(lists, qrels, [.recall75, .precision8])
        #expect(ours.tickets == ["some"])
        #expect(ours.mean(.recall75) == 1.0)
        let trec = report(lists, qrels, [.recall75, .precision8], selection: .trecEval)
        #expect(trec.tickets == ["none", "some"])
        #expect(trec.value(.recall75, for: "none") == 0)
        #expect(trec.mean(.recall75) == 0.5)
        #expect(trec.mean(.precision8) == 0.0625)
    }

    @Test func ticketsInTheRunButNotInTheQrelsAreIgnoredUnderEverySelection() {
        for selection in QuerySelection.allCases {
            let r = report(
                [list("judged", ["a"]), list("stray", ["a"])], ["judged": ["a": 1]], [.mrr],
                selection: selection)
            #expect(r.tickets == ["judged"])
        }
    }

    @Test func gradedNDCGUsesLinearGainsLog2DiscountAndAnIdealFromTheQrels() {
        // Ranking a(1) b(0) c(3) d(unjudged) e(2); f(2) is judged but not retrieved.
        let qrels: [TicketID: [ArticleID: Int]] = ["t": ["a": 1, "b": 0, "c": 3, "e": 2, "f": 2]]
        let ndcg3 = MetricName(.ndcg, cutoff: 3)
        let ndcg5 = MetricName(.ndcg, cutoff: 5)
        let r = report([list("t", ["a", "b", "c", "d", "e"])], qrels, [ndcg3, ndcg5])
        // @3: DCG = 1/1 + 0 + 3/log2(4) = 2.5; IDCG = 3 + 2/log2(3) + 2/log2(4).
        #expect(abs(r.values(ndcg3)[0] - 0.4751172083949178) < 1e-12)
        // @5: DCG = 2.5 + 2/log2(6); IDCG = 3 + 2/log2(3) + 1 + 1/log2(5) + 0.
        #expect(abs(r.values(ndcg5)[0] - 0.5750873735298306) < 1e-12)
    }

    @Test func negativeGradesGainNothingAndAreNotRelevant() {
        // pytrec_eval gives nDCG@10 = 1/log2(3) for this case (checked by hand against it).
        let r = report(
            [list("t", ["a", "b"])], ["t": ["a": -1, "b": 2]],
            [.init(.ndcg, cutoff: 10), .init(.precision, cutoff: 1)])
        #expect(abs(r.values(.init(.ndcg, cutoff: 10))[0] - 1 / log2(3.0)) < 1e-12)
        #expect(r.values(.init(.precision, cutoff: 1)) == [0])
    }

    @Test func reciprocalRankIsOneOverTheFirstRelevantRankWithoutCutoff() {
        let long = (0..<99).map { ArticleID("x\($0)") } + ["a"]
        let r = report(
            [list("t1", ["x", "y", "a", "b"]), list("t2", ["x"]), list("t3", long)],
            ["t1": ["a": 1, "b": 3], "t2": ["a": 1], "t3": ["a": 2]], [.mrr])
        #expect(r.values(.mrr) == [1.0 / 3, 0, 1.0 / 100])
        #expect(abs(r.mean(.mrr) - (1.0 / 3 + 0.01) / 3) < 1e-15)
    }

    @Test func anArticleListedTwiceCountsOnceAtItsBestPosition() {
        let duplicated = RankedList(
            ticket: "t",
            entries: [
                .init(article: "a", score: 3), .init(article: "x", score: 2), .init(article: "a", score: 1)
            ])
        let r = report([duplicated], ["t": ["a": 1]], [.init(.precision, cutoff: 3)])
        #expect(r.values(.init(.precision, cutoff: 3)) == [1.0 / 3])
        #expect(Run([duplicated]).ranking(for: "t")?.articles == ["a", "x"])
    }

    @Test func aHigherRelevanceLevelMakesLowGradesNotRelevant() {
        let r = evaluate(
            run: Run([list("t", ["a", "b"])]), qrels: Qrels(["t": ["a": 1, "b": 2]]),
            metrics: [.mrr, .init(.recall, cutoff: 1)], relevanceLevel: 2)
        #expect(r.values(.mrr) == [0.5])
        #expect(r.values(.init(.recall, cutoff: 1)) == [0])
    }

    @Test func qrelsFromTruthKeepGradesAndTicketsWithoutRelevantArticles() {
        let truths = [TicketTruth(ticket: "t1", relevant: ["a": 2, "b": 0]), TicketTruth(ticket: "t2", relevant: [:])]
        let qrels = Qrels(truths: truths)
        #expect(qrels.judgments(for: "t1") == ["a": 2, "b": 0])
        #expect(qrels.tickets == ["t1", "t2"])
        #expect(qrels.relevantCount(for: "t1") == 1)
        #expect(evaluate(run: Run([]), qrels: qrels).tickets == ["t1"])
    }
}
