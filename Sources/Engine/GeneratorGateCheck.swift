import Evaluation
import FlywheelCore

/// The deploy gate of the generator: a retrained generator ships only if its own ordering of
/// replies (``LearningGenerator/appraisal(of:for:)``) agrees with agents' held-out judgements
/// better than the deployed generator's does, by the same paired one-sided test and alpha
/// spending as the retrieval gate (``DeployGateCheck``, ``DeployGateLedger``). Only the
/// agents' annotations are read, never the truth.
///
/// Held-out items (tickets held out by the same keyed draw as the retrieval gate's):
/// - a **preference** for A or B: agreement 1 when the generator ranks the chosen reply higher,
///   0 when lower, ½ on a tie (ties and "both bad" say nothing about the order and are skipped);
/// - an **adoption** that judges its reply: *good* when used, or edited for a reason other than
///   wrong content; *bad* when rejected as incorrect, outdated or irrelevant (other rejections
///   and edits for wrong content are skipped). Its agreement is its DeLong placement value: the
///   share of opposite-verdict replies the generator orders on the correct side (ties ½), so the
///   mean over adoption items is the AUC of the generator's ordering.
///
/// Each item's agreement lies in [0, 1], with ½ for an uninformed ordering; the per-item
/// differences candidate − deployed go to the t-test. Placement values of different items
/// share their comparison set, so the test treats mildly dependent values as independent (the
/// usual approximation when DeLong's covariance is not worked out).
enum GeneratorGateCheck {
    enum Item {
        case preference(ticket: Ticket, chosen: Reply, other: Reply)
        case adoption(ticket: Ticket, reply: Reply, good: Bool)
    }

    /// Whether an adoption judges its reply good (true), bad (false), or neither (nil).
    static func verdict(_ a: AdoptionAnnotation) -> Bool? {
        let wrong = a.rationale == .incorrectInformation || a.rationale == .outdated
        switch a.outcome {
        case .used: return true
        case .edited: return wrong ? nil : true
        case .rejected: return wrong || a.rationale == .irrelevant ? false : nil
        }
    }

    /// (training batch, held-out items). Without a gate everything trains.
    static func split(_ batch: TrainingBatch, gate: EngineArm.DeployGate?) -> (TrainingBatch, [Item]) {
        guard let gate else { return (batch, []) }
        var training = batch
        training.preferences = []
        training.adoptions = []
        var items: [Item] = []
        for p in batch.preferences {
            guard DeployGateCheck.isHeldOut(p.annotation.ticket, gate: gate) else {
                training.preferences.append(p)
                continue
            }
            switch p.annotation.choice {
            case .a: items.append(.preference(ticket: p.served.ticket, chosen: p.served.a, other: p.served.b))
            case .b: items.append(.preference(ticket: p.served.ticket, chosen: p.served.b, other: p.served.a))
            case .tie, .bothBad: break
            }
        }
        for a in batch.adoptions {
            guard DeployGateCheck.isHeldOut(a.annotation.ticket, gate: gate) else {
                training.adoptions.append(a)
                continue
            }
            if let good = verdict(a.annotation) {
                items.append(.adoption(ticket: a.served.ticket, reply: a.served.a, good: good))
            }
        }
        return (training, items)
    }

    /// Each item's agreement with `generator`'s ordering (see the type); nil when the generator
    /// has no ordering.
    static func agreements(_ generator: any LearningGenerator, _ items: [Item]) -> [Double]? {
        var out = [Double](repeating: 0.5, count: items.count)
        var adoptions: [(index: Int, appraisal: [Double], good: Bool)] = []
        for (i, item) in items.enumerated() {
            switch item {
            case .preference(let ticket, let chosen, let other):
                guard let c = generator.appraisal(of: chosen, for: ticket),
                    let o = generator.appraisal(of: other, for: ticket)
                else { return nil }
                out[i] = c.lexicographicallyPrecedes(o) ? 0 : (o.lexicographicallyPrecedes(c) ? 1 : 0.5)
            case .adoption(let ticket, let reply, let good):
                guard let a = generator.appraisal(of: reply, for: ticket) else { return nil }
                adoptions.append((i, a, good))
            }
        }
        let good = adoptions.filter(\.good)
        let bad = adoptions.filter { !$0.good }
        guard !good.isEmpty, !bad.isEmpty else { return out }
        func placement(
            _ x: [Double], against others: [(index: Int, appraisal: [Double], good: Bool)], higherIsRight: Bool
        ) -> Double {
            var s = 0.0
            for o in others {
                if x.lexicographicallyPrecedes(o.appraisal) {
                    s += higherIsRight ? 0 : 1
                } else if o.appraisal.lexicographicallyPrecedes(x) {
                    s += higherIsRight ? 1 : 0
                } else {
                    s += 0.5
                }
            }
            return s / Double(others.count)
        }
        for g in good { out[g.index] = placement(g.appraisal, against: bad, higherIsRight: true) }
        for b in bad { out[b.index] = placement(b.appraisal, against: good, higherIsRight: false) }
        return out
    }
}
