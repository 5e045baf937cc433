import Evaluation
import FlywheelCore
import World
import WorldTruth

extension JobRunner {
    /// Evaluates the current system on the held-out tickets and closes the window: offline
    /// metrics (retrieval, helpfulness, adoption by the evaluation population) plus the window's
    /// online and operational figures.
    mutating func evaluationRecord(job: JobKey, iteration: Int, time: Timestamp, isLast: Bool) throws -> IterationRecord
    {
        // offlineMetrics() is a pure function of the system (its random streams are keyed by seed,
        // replicate and ticket, never by iteration), and the system changes only when a retrain
        // bumps a model version or an article is published; an unchanged system reuses the last
        // evaluation (frozen arms, and batch arms between their retrains).
        let fingerprint = versions + [published.count]
        var metrics: [String: Double]
        if let memo = offlineMemo, memo.fingerprint == fingerprint {
            metrics = memo.metrics
        } else {
            metrics = try offlineMetrics()
            offlineMemo = (fingerprint, metrics)
        }
        let depths = config.metricDepths
        func write(_ metric: EngineMetric, _ value: Double) { metrics[metric.name(depths)] = value }
        write(.served, Double(window.served))
        write(.onlineAdoption, window.adoptionShown == 0 ? 0 : Double(window.adopted) / Double(window.adoptionShown))
        write(
            .onlineWinRateA,
            window.preferenceDecided == 0 ? 0 : Double(window.preferenceWonByA) / Double(window.preferenceDecided))
        for kind in SignalKind.allCases {
            write(.annotations(kind), Double(window.counts[kind, default: 0]))
        }
        write(.agentMinutes, window.agentSeconds / 60)
        write(.vendorMinutes, window.vendorSeconds / 60)
        write(.retrains, Double(retrainsSinceEvaluation))
        write(.gateRejections, Double(gateRejections))
        write(.kbSize, Double(published.count))
        write(.gapsOpen, Double(knowledge.openGaps))
        write(.gapsClosed, Double(knowledge.closedGaps))
        write(.falseFlags, Double(knowledge.falseFlags))
        write(.authoringMinutes, knowledge.minutes)
        write(.wrongArticles, Double(knowledge.wrongArticles))
        if let days = knowledge.meanDaysToClose { write(.daysToClose, days) }
        let models = ["retriever", "reranker", "generator"].enumerated().map { i, name in
            IterationRecord.ModelVersion(
                component: name, version: versions[i], deployed: i < 2 ? shippedRetrieval : shippedGenerator,
                trainingExamples: i < 2 ? trainingExamples.relevance : trainingExamples.generator)
        }
        var record = IterationRecord(
            job: job, iteration: iteration, simTime: time, retrained: retrainsSinceEvaluation > 0,
            deployed: shippedRetrieval || shippedGenerator,
            isLast: isLast, metrics: metrics, annotations: window.annotationRows, models: models, kbEvents: kbEvents)
        record.writtenLog = window.log.finish()
        record.personaActivity = window.personaActivity
        window = WindowTotals()
        kbEvents = []
        retrainsSinceEvaluation = 0
        gateRejections = 0
        shippedRetrieval = false
        shippedGenerator = false
        return record
    }

    /// Recall at the retriever's depth on the first stage; precision at the reranker's depth,
    /// nDCG@10 and MRR on the reranked list;
    /// helpfulness (mean and share ≥ 4) and adoption of reply A by the evaluation panel (the
    /// same persona in every arm and population: ``EngineConfig/panel``).
    mutating func offlineMetrics() throws -> [String: Double] {
        let recall = RecallAtK(k: config.retrieverDepth)
        let precision = PrecisionAtK(k: config.rerankDepth)
        let ndcg = NDCGAtK(k: EngineMetric.ndcgCutoff)
        let rr = ReciprocalRank()
        var sums = [0.0, 0.0, 0.0, 0.0]
        var judged = 0
        var helpfulness = 0.0
        var helpful = 0
        /// Replies with a helpfulness score (a scorer may fail to give one).
        var scored = 0
        var adopted = 0
        let judge = engine.world.judge
        var panel = config.panel
        panel.participation = Participation(preference: 0, adoption: 1, relevance: 0, missingKnowledge: 0)
        panel.fatigue.perHour = 0
        // The stages answer the held-out tickets as one batch (``stageOutputs(for:rerankDepth:purpose:)``);
        // then each ticket's outcome is computed on its own (on ``servingThreads`` threads) and
        // the sums are taken in ticket order, so they do not depend on the thread count. A scorer
        // (an outside service with state: budgets, a failure latch, a recording) is asked here,
        // in ticket order, never from the threads.
        let heldOut = engine.prepared.heldOut
        let scorer = engine.world.scorer
        let tickets = heldOut.map(\.ticket)
        let lists = try rankedLists(for: tickets, rerankDepth: config.retrieverDepth)
        // A ticket whose shown articles and deployed generator are those of the last evaluation
        // gets the same replies and the same judged outcome (``HeldOutReplies``): only the others
        // are generated and judged again.
        let shown = lists.reranked.map { $0.prefix(config.rerankDepth).articles }
        let reused = heldOutReplies.reusable(shown: shown, generatorVersion: versions[2], generator: system.generator)
        let fresh = heldOut.indices.filter { reused[$0] == nil }
        let freshReplies = try replies(
            for: fresh.map { tickets[$0] }, reranked: fresh.map { lists.reranked[$0] }, purpose: "eval-generate")
        var repliesOf = [(a: Reply, b: Reply)?](repeating: nil, count: heldOut.count)
        for (k, i) in fresh.enumerated() { repliesOf[i] = freshReplies[k] }
        let perTicket = WorkPool.orderedMap(count: heldOut.count, width: servingThreads) { i in
            if let kept = reused[i] {
                return OfflineOutcome(
                    ranking: ranking(
                        heldOut[i], candidates: lists.candidates[i], reranked: lists.reranked[i],
                        recall: recall, precision: precision, ndcg: ndcg, rr: rr),
                    replyA: kept.replies.a, helpfulness: kept.helpfulness, adopted: kept.adopted)
            }
            return offlineOutcome(
                heldOut[i], candidates: lists.candidates[i], reranked: lists.reranked[i], replies: repliesOf[i]!,
                judge: judge, builtinScore: scorer == nil, panel: panel, recall: recall, precision: precision,
                ndcg: ndcg, rr: rr)
        }
        heldOutReplies.keep(
            fresh.map { i in
                (
                    i,
                    HeldOutReplies.Kept(
                        shown: shown[i], replies: repliesOf[i]!, helpfulness: perTicket[i].helpfulness,
                        adopted: perTicket[i].adopted)
                )
            }, generatorVersion: versions[2], count: heldOut.count)
        for (record, outcome) in zip(heldOut, perTicket) {
            if let ranking = outcome.ranking {
                for m in 0..<4 { sums[m] += ranking[m] }
                judged += 1
            }
            var score = outcome.helpfulness
            if let scorer {
                var judgeRng = evaluationJudgeStream(for: record.ticket)
                score = scorer.helpfulness(of: outcome.replyA, for: record.ticket, truth: record.truth, rng: &judgeRng)
            }
            if let score {
                helpfulness += score
                if score >= 4 { helpful += 1 }
                scored += 1
            }
            if outcome.adopted { adopted += 1 }
        }
        let n = Double(max(1, engine.prepared.heldOut.count))
        let j = Double(max(1, judged))
        let s = Double(max(1, scored))
        let depths = config.metricDepths
        var metrics: [String: Double] = [:]
        func write(_ metric: EngineMetric, _ value: Double?) { metrics[metric.name(depths)] = value }
        write(.recall, sums[0] / j)
        write(.precision, sums[1] / j)
        write(.ndcg, sums[2] / j)
        write(.mrr, sums[3] / j)
        write(.helpfulness, helpfulness / s)
        write(.helpfulnessAtLeast4, Double(helpful) / s)
        write(.adoption, Double(adopted) / n)
        // Only a scorer can fail to score; the builtin judge's runs keep their metric set.
        if engine.world.scorer != nil {
            write(.judgeMalformed, Double(engine.prepared.heldOut.count - scored))
            // no score at all is no helpfulness, not a helpfulness of 0
            if scored == 0 { write(.helpfulness, nil); write(.helpfulnessAtLeast4, nil) }
        }
        return metrics
    }

    /// One held-out ticket's offline outcome, a pure function of the deployed system and the
    /// ticket (any thread may compute it).
    struct OfflineOutcome {
        /// Recall, precision, nDCG and reciprocal rank; nil when the ticket has no relevant article.
        var ranking: [Double]?
        /// Reply A, for a scorer to grade afterwards.
        var replyA: Reply
        /// The builtin judge's helpfulness of reply A (nil when a scorer grades it instead).
        var helpfulness: Double?
        /// Whether the evaluation panel adopted reply A.
        var adopted: Bool
    }

    /// ``OfflineOutcome`` of `record`, given what the stages answered for it;
    /// `builtinScore`: whether the builtin judge scores reply A.
    func offlineOutcome(
        _ record: TicketRecord, candidates: RankedList, reranked: RankedList, replies: (a: Reply, b: Reply),
        judge: Judge,
        builtinScore: Bool, panel: Persona, recall: RecallAtK, precision: PrecisionAtK, ndcg: NDCGAtK,
        rr: ReciprocalRank
    ) -> OfflineOutcome {
        let ticket = record.ticket
        let key = StableHash.fnv1a(ticket.id.rawValue)
        let ranking = ranking(
            record, candidates: candidates, reranked: reranked, recall: recall, precision: precision, ndcg: ndcg,
            rr: rr)
        let shownList = reranked.prefix(config.rerankDepth)
        let (a, b) = replies
        let judging = JudgingContext(truth: record.truth, judge: judge).knowingQuality(ofA: a)
        var score: Double?
        if builtinScore {
            var judgeRng = evaluationJudgeStream(for: ticket)
            score = judge.helpfulness(from: judging.quality(ofA: a), rng: &judgeRng)
        }

        var state = AgentState(persona: panel)
        let feedback = SimulatedAgent(id: "panel", persona: panel).respond(
            to: ShownSuggestion(ticket: ticket, a: a, b: b, articles: shownList.articles), judging: judging,
            published: { _ in true }, state: &state,
            rng: RandomStream(seed: config.seed, purpose: "eval-adoption", ids: [UInt64(replicate), key]))
        return OfflineOutcome(
            ranking: ranking, replyA: a, helpfulness: score, adopted: feedback.adoption?.outcome.isAdopted == true)
    }

    /// Recall of the first stage's `candidates`, precision, nDCG and reciprocal rank of the
    /// `reranked` list, against `record`'s judgments; nil when it has no relevant article.
    func ranking(
        _ record: TicketRecord, candidates: RankedList, reranked: RankedList, recall: RecallAtK,
        precision: PrecisionAtK, ndcg: NDCGAtK, rr: ReciprocalRank
    ) -> [Double]? {
        let first = JudgedRanking(ranking: candidates.articles, judgments: record.truth.relevant)
        guard first.relevantCount > 0 else { return nil }
        let second = JudgedRanking(ranking: reranked.articles, judgments: record.truth.relevant)
        return [recall.value(first), precision.value(second), ndcg.value(second), rr.value(second)]
    }

    /// The stream the evaluation's helpfulness of `ticket` draws from (the builtin judge's or
    /// a scorer's).
    func evaluationJudgeStream(for ticket: Ticket) -> RandomStream {
        RandomStream(
            seed: config.seed, purpose: "eval-judge", ids: [UInt64(replicate), StableHash.fnv1a(ticket.id.rawValue)])
    }
}
