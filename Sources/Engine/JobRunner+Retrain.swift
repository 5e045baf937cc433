import FlywheelCore
import World
import WorldTruth

extension JobRunner {
    /// One retraining: vendor labels that have arrived (batch arms), the quality filter, then each
    /// model retrained from its own signal. An empty batch leaves every model as it was.
    mutating func retrain(at time: Timestamp) throws {
        if arm.vendor != nil { labelVendorSample(arrivedBy: time) }
        var batch = filteredBatch()
        batch.time = time
        if arm.shuffleLabels {
            batch = LabelShuffle.shuffled(
                batch,
                rng: RandomStream(
                    seed: config.seed, purpose: "shuffle", ids: [UInt64(replicate), UInt64(time.secondsSinceEpoch)]))
        }
        pending = PendingFeedback()
        guard !batch.isEmpty else { return }
        retrainsSinceEvaluation += 1
        trainingExamples = (batch.relevance.count, batch.preferences.count + batch.adoptions.count)
        let retrievalSplit = batch.relevance.isEmpty ? nil : DeployGateCheck.split(batch, gate: arm.deployGate)
        let generatorSplit =
            batch.preferences.isEmpty && batch.adoptions.isEmpty
            ? nil : GeneratorGateCheck.split(batch, gate: arm.deployGate)
        // The gates' ledgers take this cycle's held-out items first: each line's thread scores
        // them (``retrainedCandidates(retrieval:generation:gated:)``).
        if let gate = arm.deployGate {
            if let validation = retrievalSplit?.1 { retrievalGate.add(validation, capacity: gate.validationTickets) }
            if let validation = generatorSplit?.1 { generatorGate.add(validation, capacity: gate.validationTickets) }
        }
        // Each line learns from the same batch (the training line continues from the last
        // candidate the gate refused: its training is not thrown away); the reranker keeps
        // what it reads beside the candidates itself.
        let candidates = try retrainedCandidates(
            retrieval: retrievalSplit?.0, generation: generatorSplit?.0, gated: arm.deployGate != nil)
        if let candidate = candidates.retrieval {
            if let gate = arm.deployGate, !retrievalGatePasses(candidates.retrievalTest, gate: gate, at: time) {
                gateRejections += 1
                trainingLine = candidate
            } else {
                (system.retriever, system.reranker) = candidate
                trainingLine = nil
                versions[0] += 1
                versions[1] += 1
                retrievalGate.deployedTested(key: retrievalGateKey)
                shippedRetrieval = true
            }
        }
        if let candidate = candidates.generator {
            if let gate = arm.deployGate, !generatorGatePasses(candidates.generatorTest, gate: gate, at: time) {
                gateRejections += 1
                generatorLine = candidate
            } else {
                system.generator = candidate
                generatorLine = nil
                versions[2] += 1
                shippedGenerator = true
            }
        }
    }

    /// The deploy gate's verdict on a retrieval candidate (``DeployGateCheck``) from its
    /// evidence (``RetrainedCandidates/retrievalTest``; nil: fewer than 2 held-out tickets, no
    /// test, no shipping); the deployed models' scores are memoised for the next test.
    mutating func retrievalGatePasses(
        _ test: (candidate: [Double], deployedNew: [Double])?, gate: EngineArm.DeployGate, at time: Timestamp
    ) -> Bool {
        guard let test else { return false }
        let level = retrievalGate.nextLevel(alpha: gate.alpha, spending: gate.spending, at: time, run: gatedRun)
        let before = retrievalGate.deployedScores(key: retrievalGateKey, adding: test.deployedNew)
        retrievalGate.tested(test.candidate)
        return DeployGateCheck.passes(
            candidate: test.candidate, deployed: before, level: level, tolerance: gate.tolerance)
    }

    /// The replayed period over which `time` spending spreads the gate's budget (``Schedule``).
    var gatedRun: ClosedRange<Timestamp> {
        let schedule = Schedule(
            start: engine.prepared.start, cadence: arm.cadence, evaluateEvery: arm.evaluateEvery,
            retrains: arm.retrain, iterations: engine.iterations(of: arm))
        return schedule.start...schedule.end
    }

    /// What identifies the deployed retriever and reranker for the gate's memo: their versions
    /// and the published articles (every change to either bumps one of them).
    var retrievalGateKey: [Int] { [versions[0], versions[1], published.count] }

    /// The deploy gate's verdict on a generator candidate (``GeneratorGateCheck``) from its
    /// evidence (``RetrainedCandidates/generatorTest``). A generator without an ordering of its
    /// own cannot be checked and ships.
    mutating func generatorGatePasses(
        _ test: (candidate: [Double]?, deployed: [Double]?)?, gate: EngineArm.DeployGate, at time: Timestamp
    ) -> Bool {
        guard let after = test?.candidate else { return true }
        guard generatorGate.items.count >= 2, let before = test?.deployed else { return false }
        let level = generatorGate.nextLevel(alpha: gate.alpha, spending: gate.spending, at: time, run: gatedRun)
        return DeployGateCheck.passes(candidate: after, deployed: before, level: level, tolerance: 0)
    }

    /// The offline vendor labels the sampled tickets whose labels have arrived by `time`
    /// (served at least `delay` earlier): relevance of the shown articles and a preference.
    mutating func labelVendorSample(arrivedBy time: Timestamp) {
        guard let vendor = arm.vendor else { return }
        let cutoff = Timestamp(secondsSinceEpoch: time.secondsSinceEpoch - vendor.delay.seconds)
        let ready = vendorQueue.filter { $0.served.ticket.createdAt < cutoff }
        vendorQueue.removeAll { $0.served.ticket.createdAt < cutoff }
        var persona = vendor.persona
        persona.participation.preference = arm.signals.contains(.preference) ? 1 : 0
        persona.participation.relevance = arm.signals.contains(.relevance) ? 1 : 0
        persona.participation.adoption = 0
        persona.participation.missingKnowledge = 0
        persona.fatigue.perHour = 0
        let labeller = SimulatedAgent(id: "vendor", persona: persona)
        var state = AgentState(persona: persona)
        for (served, truth) in ready {
            let key = StableHash.fnv1a(served.ticket.id.rawValue)
            let shown = ShownSuggestion(
                ticket: served.ticket, a: served.a, b: served.b, articles: served.shown.articles)
            let judging = JudgingContext(truth: truth, judge: engine.world.judge)
            let feedback = labeller.respond(
                to: shown, judging: judging, published: { _ in true }, state: &state,
                rng: RandomStream(seed: config.seed, purpose: "vendor", ids: [UInt64(replicate), key]), library: library
            )
            if let p = feedback.preference {
                pending.preferences.append((served, p, judging))
                window.counts[.preference, default: 0] += 1
                window.vendorSeconds += persona.costSeconds.preference
            }
            for r in feedback.relevance {
                pending.relevance.append((r, truth))
                window.counts[.relevance, default: 0] += 1
                window.vendorSeconds += persona.costSeconds.relevance
            }
            pending.tickets[served.ticket.id] = served.ticket
        }
    }

    /// The pending annotations after the quality filter, as a training batch.
    mutating func filteredBatch() -> TrainingBatch {
        var verdicts: [(agent: AgentID, ticket: TicketID, correct: Bool)] = []
        for (r, truth) in pending.relevance {
            verdicts.append((r.agent, r.ticket, r.relevant == ((truth.relevant[r.article] ?? 0) > 0)))
        }
        // the audit judges the replies (a pure function of each annotation): on the serving threads
        let (preferences, adoptions) = (pending.preferences, pending.adoptions)
        verdicts += WorkPool.orderedMap(count: preferences.count, width: servingThreads, chunk: 64) { i in
            let (served, p, judging) = preferences[i]
            return (p.agent, p.ticket, QualityAudit.isCorrect(p, served: served, judging: judging))
        }
        verdicts += WorkPool.orderedMap(count: adoptions.count, width: servingThreads, chunk: 64) { i in
            let (served, a, judging) = adoptions[i]
            return (a.agent, a.ticket, QualityAudit.isCorrect(a, served: served, judging: judging))
        }
        // Spot audits feed each agent's trust estimate (10% of annotations, keyed draws).
        for (i, v) in verdicts.enumerated() {
            var rng = RandomStream(
                seed: config.seed, purpose: "audit",
                ids: [UInt64(replicate), StableHash.fnv1a(v.ticket.rawValue), UInt64(i)])
            if rng.uniform() < 0.1 { trust.record(v.agent, correct: v.correct) }
        }
        let keep = QualityAudit.keepMask(
            verdicts.map(\.correct), virtualJudge: config.virtualJudge,
            rng: RandomStream(
                seed: config.seed, purpose: "virtual-judge", ids: [UInt64(replicate), UInt64(versions.reduce(0, +))]))
        var kept = [Bool]()
        for (i, v) in verdicts.enumerated() {
            kept.append(keep[i] && trust.estimate(v.agent) >= config.minAgentTrust)
        }
        var batch = TrainingBatch(iteration: versions.reduce(0, +), tickets: pending.tickets)
        var i = 0
        for (r, _) in pending.relevance {
            if kept[i] { batch.relevance.append(r) }
            i += 1
        }
        for (served, p, _) in pending.preferences {
            if kept[i] { batch.preferences.append((served, p)) }
            i += 1
        }
        for (served, a, _) in pending.adoptions {
            if kept[i] { batch.adoptions.append((served, a)) }
            i += 1
        }
        return batch
    }
}

/// The world-side audit of annotations: whether each agrees with the truth. Used by the
/// virtual-judge filter and the agent-trust estimate; never by the system under test.
enum QualityAudit {
    /// Whether the preference between `served`'s replies agrees with their true qualities
    /// (reply A's taken from `judging` when already known).
    static func isCorrect(_ p: PreferenceAnnotation, served: ServedSuggestion, judging: JudgingContext) -> Bool {
        let qa = judging.quality(ofA: served.a).total
        let qb = judging.quality(ofB: served.b).total
        switch p.choice {
        case .a: return qa >= qb
        case .b: return qb >= qa
        case .tie: return abs(qa - qb) < 0.05
        case .bothBad: return max(qa, qb) < judging.judge.config.goodQuality
        }
    }

    /// Whether adopting (or not) agrees with reply A's true quality being good.
    static func isCorrect(_ a: AdoptionAnnotation, served: ServedSuggestion, judging: JudgingContext) -> Bool {
        let good = judging.quality(ofA: served.a).total >= judging.judge.config.goodQuality
        return a.outcome.isAdopted == good
    }

    /// Which annotations a virtual judge with the given precision and recall keeps. It keeps a
    /// correct annotation with probability `recall`, and a wrong one with the probability that
    /// makes the kept set's expected share correct equal `precision` (given this batch's share
    /// correct); everything is kept when there is no virtual judge.
    static func keepMask(_ correct: [Bool], virtualJudge: (precision: Double, recall: Double)?, rng: RandomStream)
        -> [Bool]
    {
        guard let vj = virtualJudge, !correct.isEmpty else { return correct.map { _ in true } }
        let c = Double(correct.filter { $0 }.count) / Double(correct.count)
        let keepWrong = c >= 1 ? 0 : min(1, c * vj.recall * (1 - vj.precision) / (max(vj.precision, 1e-9) * (1 - c)))
        var rng = rng
        return correct.map { ok in rng.uniform() < (ok ? vj.recall : keepWrong) }
    }
}
