import Corpora
import FlywheelCore
import Foundation
import World
import FlywheelTestSupport
import WorldTruth

/// A log written by simulated agents of known personas on ci-small, without running the
/// engine: each ticket is shown eight published articles (its relevant ones with probability ½
/// each, the rest random) and two replies made of a random share of its nuggets plus 0–2
/// sentences from other tickets, so reply quality spans 0–1. 10% of articles are unpublished.
struct SimulatedLog: Sendable {
    static let root = Repository.rootPath

    var log: AnnotationLog
    var records: [TicketID: TicketRecord]
    /// The persona each agent was given.
    var truePersona: [AgentID: String]

    static func personas() throws -> [Persona] {
        let folder = URL(fileURLWithPath: root + "/scenarios/calibration/personas")
        return try ["calib-expert", "calib-rushed", "calib-novice"].map { try Persona.load(named: $0, in: folder) }
    }

    init(tickets count: Int, agentsPerPersona: Int, seed: UInt64) throws {
        let reader = try CorpusReader(directory: Self.root + "/corpora/ci-small", verifyChecksums: false)
        let articles = try reader.articles().map(\.id).sorted()
        var stream = try reader.tickets()
        var list: [TicketRecord] = []
        while list.count < count, let r = try stream.next() { list.append(r) }
        let published = articles.filter { id in
            var r = RandomStream(seed: seed, purpose: "published", ids: [StableHash.fnv1a(id.rawValue)])
            return r.uniform() >= 0.1
        }
        let publishedSet = Set(published)
        let personas = try Self.personas()
        var agents: [SimulatedAgent] = []
        var states: [AgentState] = []
        var truePersona: [AgentID: String] = [:]
        for (p, persona) in personas.enumerated() {
            for i in 0..<agentsPerPersona {
                let id = AgentID("agent-\(p)\(i)")
                agents.append(SimulatedAgent(id: id, persona: persona))
                states.append(AgentState(persona: persona))
                truePersona[id] = persona.name
            }
        }
        let allNuggets = list.flatMap(\.truth.nuggets)
        let judge = Judge()
        var log = AnnotationLog(source: "simulated")
        for record in list {
            let t = record.ticket.id
            var rng = RandomStream(seed: seed, purpose: "exposure", ids: [StableHash.fnv1a(t.rawValue)])
            var shown = record.truth.relevantArticles.filter { publishedSet.contains($0) && rng.bernoulli(0.5) }
            while shown.count < 8 {
                let a = published[rng.int(below: published.count)]
                if !shown.contains(a) { shown.append(a) }
            }
            rng.shuffle(&shown)
            func reply() -> Reply {
                let share = rng.uniform()
                var sentences = record.truth.nuggets.filter { _ in rng.bernoulli(share) }.map { n in
                    Reply.Sentence(text: n.text, article: n.article ?? shown[0], articleRank: 1, position: 0)
                }
                for _ in 0..<rng.int(below: 3) where !allNuggets.isEmpty {
                    let n = allNuggets[rng.int(below: allNuggets.count)]
                    sentences.append(
                        Reply.Sentence(text: n.text, article: n.article ?? shown[7], articleRank: 8, position: 1))
                }
                return Reply(
                    greeting: "Hi,", sentences: sentences, closing: "Thanks.",
                    tone: rng.bernoulli(0.8) ? .friendly : .brief)
            }
            let a = reply()
            let b = reply()
            let time = record.ticket.createdAt
            try log.add(.exposure(Exposure(ticket: t, time: time, shown: shown, a: a, b: b)))
            let index = rng.int(below: agents.count)
            let feedback = agents[index].respond(
                to: ShownSuggestion(ticket: record.ticket, a: a, b: b, articles: shown), truth: record.truth,
                published: { publishedSet.contains($0) }, judge: judge, state: &states[index],
                rng: RandomStream(seed: seed, purpose: "agent", ids: [StableHash.fnv1a(t.rawValue)]), library: published
            )
            for annotation in feedback.annotations {
                try log.add(
                    .annotation(
                        LoggedAnnotation(time: time, annotation: annotation, persona: agents[index].persona.name)))
            }
        }
        self.log = log
        self.records = Dictionary(uniqueKeysWithValues: list.map { ($0.ticket.id, $0) })
        self.truePersona = truePersona
    }
}
