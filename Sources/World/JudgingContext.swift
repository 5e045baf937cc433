import FlywheelCore
import WorldTruth

/// What the world judges one served suggestion with, as one value: the ticket's truth, the
/// judge, and — once someone has computed it — the judge's quality of the reply shown as A.
/// The engine computes that quality with the suggestion (possibly on a serving thread); the
/// simulated agent's response, the evaluation panel and the quality audit at retraining read it
/// from here instead of recomputing it. The judge is pure, so whether it was known or is
/// computed again changes no number.
///
/// ```swift
/// let judging = JudgingContext(truth: record.truth, judge: judge).knowingQuality(ofA: served.a)
/// let feedback = agent.respond(to: shown, judging: judging, published: kb.contains, state: &state, rng: rng)
/// judging.quality(ofA: served.a).total   // no second judgement
/// ```
public struct JudgingContext: Sendable {
    public let truth: TicketTruth
    public let judge: Judge
    /// `judge.quality(of: a, for: truth)` for the reply A this context is about, when known.
    public private(set) var qualityA: QualityBreakdown?
    /// `judge.quality(of: b, for: truth)` for the reply B this context is about, when known.
    public private(set) var qualityB: QualityBreakdown?

    public init(truth: TicketTruth, judge: Judge, qualityA: QualityBreakdown? = nil, qualityB: QualityBreakdown? = nil)
    {
        self.truth = truth
        self.judge = judge
        self.qualityA = qualityA
        self.qualityB = qualityB
    }

    /// The judge's quality of reply `a`, the one shown as A: the known one, else judged now.
    public func quality(ofA a: Reply) -> QualityBreakdown {
        qualityA ?? judge.quality(of: a, for: truth)
    }

    /// The judge's quality of reply `b`, the one shown as B: the known one, else judged now.
    public func quality(ofB b: Reply) -> QualityBreakdown {
        qualityB ?? judge.quality(of: b, for: truth)
    }

    /// The judge's quality of any other reply for this ticket.
    public func quality(of reply: Reply) -> QualityBreakdown {
        judge.quality(of: reply, for: truth)
    }

    /// This context with reply A's quality known (judged now unless it already was).
    public func knowingQuality(ofA a: Reply) -> JudgingContext {
        JudgingContext(truth: truth, judge: judge, qualityA: quality(ofA: a), qualityB: qualityB)
    }

    /// This context with reply B's quality known (judged now unless it already was).
    public func knowingQuality(ofB b: Reply) -> JudgingContext {
        JudgingContext(truth: truth, judge: judge, qualityA: qualityA, qualityB: quality(ofB: b))
    }

    /// The same truth and judge about other replies: nothing known of their quality.
    public var forOtherReplies: JudgingContext {
        JudgingContext(truth: truth, judge: judge)
    }
}
