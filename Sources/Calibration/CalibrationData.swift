import FlywheelCore
import World
import WorldTruth

/// An annotation log joined with its corpus: each agent's worked tickets in time order, with
/// the truth every behaviour reads (``WorkedTicket``).
///
/// What the log cannot say is inferred and stated:
/// - **Published articles**: an article is taken as published when some exposure shows it or an
///   agent links it (rank 0). A static knowledge base is read exactly when every published article
///   is retrieved at least once; articles published mid-log count as published throughout.
/// - **Worked tickets**: a ticket counts as worked by an agent when the agent gave any annotation
///   on it; participation is fitted with that truncation (``ParticipationFit``).
/// - **Relevance without truth**: on a ticket the corpus has no relevance judgements for, a mark
///   is compared with the majority of the other agents' marks on the same article (agreement);
///   marks with no other agent's mark are not used.
public struct CalibrationData: Sendable {
    var agents: [AgentID: [WorkedTicket]]
    var published: Set<ArticleID>
    let exposures: [TicketID: Exposure]
    let records: [TicketID: TicketRecord]
    /// Marks compared with the truth and with other agents' agreement.
    public private(set) var truthMarks = 0
    public private(set) var agreementMarks = 0
    /// Worked tickets whose exposure has no reply objects (no quality: preference, adoption and
    /// rationale are not fitted on them).
    public private(set) var withoutReplies = 0
    public let annotationCount: Int

    public var agentIDs: [AgentID] { agents.keys.sorted() }
    public var workedTicketCount: Int { agents.values.reduce(0) { $0 + $1.count } }

    /// Joins `log` with the corpus' `records`; `judge` scores the logged replies.
    /// `published` replaces the inferred published articles (a re-simulation uses the logged
    /// data's).
    public init(
        log: AnnotationLog, records: [TicketID: TicketRecord], judge: Judge = Judge(),
        published known: Set<ArticleID>? = nil
    ) throws {
        self.agents = [:]
        self.exposures = log.exposures
        self.records = records
        self.annotationCount = log.annotationCount
        var published = Set<ArticleID>()
        for e in log.exposures.values { published.formUnion(e.shown) }
        for list in log.annotations.values {
            for a in list { if case .relevance(let r) = a.annotation, r.rank == 0 { published.insert(r.article) } }
        }
        self.published = known ?? published

        // Marks per (ticket, article) by agent, for agreement labels.
        var votes: [TicketID: [ArticleID: [(AgentID, Bool)]]] = [:]
        for (ticket, list) in log.annotations {
            for a in list {
                if case .relevance(let r) = a.annotation, r.rank > 0 {
                    votes[ticket, default: [:]][r.article, default: []].append((r.agent, r.relevant))
                }
            }
        }

        var agents: [AgentID: [WorkedTicket]] = [:]
        for ticket in log.annotations.keys.sorted() {
            guard let record = records[ticket] else {
                throw InputError(file: log.source, "ticket \"\(ticket)\" is not in the corpus")
            }
            let exposure = log.exposures[ticket]
            var byAgent: [AgentID: [LoggedAnnotation]] = [:]
            for a in log.annotations[ticket] ?? [] { byAgent[a.annotation.agent, default: []].append(a) }
            var judged: (QualityBreakdown, QualityBreakdown?, Int, Int?)?
            if let e = exposure, let a = e.a {
                judged = (
                    judge.quality(of: a, for: record.truth), e.b.map { judge.quality(of: $0, for: record.truth) },
                    a.wordCount, e.b?.wordCount
                )
            }
            for (agent, list) in byAgent {
                var w = WorkedTicket(ticket: ticket, agent: agent, time: list.map(\.time).min()!)
                if let j = judged {
                    let (qa, qb, wa, wb) = j
                    w.qualityA = qa.total
                    w.failureA = qa.failure ?? .other
                    w.qualityB = qb?.total
                    if let wb { w.longer = wa > wb ? 1 : (wa < wb ? -1 : 0) }
                } else {
                    withoutReplies += 1
                }
                fill(&w, from: list, truth: record.truth, shown: exposure?.shown ?? [], votes: votes[ticket] ?? [:])
                agents[agent, default: []].append(w)
            }
        }
        for key in agents.keys { agents[key]!.sort { ($0.time, $0.ticket.rawValue) < ($1.time, $1.ticket.rawValue) } }
        self.agents = agents
    }

    private mutating func fill(
        _ w: inout WorkedTicket, from list: [LoggedAnnotation], truth: TicketTruth, shown: [ArticleID],
        votes: [ArticleID: [(AgentID, Bool)]]
    ) {
        let shownSet = Set(shown)
        let missed = Set(
            truth.relevant.filter { $0.value >= 2 && !shownSet.contains($0.key) && published.contains($0.key) }.keys)
        w.missedNeeded = missed.count
        w.lacking = truth.relevant.contains { $0.value > 0 && !published.contains($0.key) }
        let hasTruth = !truth.relevant.isEmpty
        for logged in list {
            switch logged.annotation {
            case .preference(let p):
                w.preference = p
                if let s = logged.seconds { w.seconds[.preference, default: []].append(s) }
            case .adoption(let a):
                w.adoption = a
                if a.rationale != nil {
                    w.rationaleSeconds = logged.seconds
                } else if let s = logged.seconds {
                    w.seconds[.adoption, default: []].append(s)
                }
            case .relevance(let r):
                w.gaveRelevance = true
                if let s = logged.seconds { w.seconds[.relevance, default: []].append(s) }
                if r.rank == 0 {
                    if missed.contains(r.article) { w.correctLinks += 1 } else { w.wrongLinks += 1 }
                    continue
                }
                var mark = WorkedTicket.Mark(rank: r.rank, said: r.relevant, truth: nil, fromAgreement: false)
                if hasTruth {
                    mark.truth = (truth.relevant[r.article] ?? 0) > 0
                    truthMarks += 1
                } else {
                    let others = (votes[r.article] ?? []).filter { $0.0 != w.agent }
                    let yes = others.filter(\.1).count
                    if 2 * yes != others.count {
                        mark.truth = 2 * yes > others.count
                        mark.fromAgreement = true
                        agreementMarks += 1
                    }
                }
                w.marks.append(mark)
            case .missingKnowledge:
                w.flagged = true
                if let s = logged.seconds { w.seconds[.missingKnowledge, default: []].append(s) }
            }
        }
        w.marks.sort { $0.rank < $1.rank }
    }
}
