import FlywheelCore
import Foundation
import Testing
import WorldTruth

@testable import Store

/// `persona_activity`: each iteration's per-persona counts land with the iteration, come back
/// as written, go when the job is reset, and travel with the run when stores are merged.
@Suite struct PersonaActivityStoreTests {
    static func activity(_ marks: Int, persona: String = "rushed") -> PersonaActivity {
        var a = PersonaActivity()
        let truth = TicketTruth(ticket: "t", relevant: ["x": 2])
        for i in 0..<marks {
            a.add(
                .relevance(.init(ticket: "t", agent: "a", article: "x", rank: 1, relevant: i % 2 == 0)), seconds: 4.5,
                persona: persona, truth: truth, shown: nil, quality: { _, _ in 0 })
        }
        a.add(
            .missingKnowledge(.init(ticket: "t", agent: "a", note: nil)), seconds: 30, persona: nil, truth: truth,
            shown: nil,
            quality: { _, _ in 0 })
        return a
    }

    @Test func rowsAreStoredPerIterationResetWithTheJobAndMerged() throws {
        let f = try StoreFixture("personas")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store(iterations: 2)
        #expect(try store.storesPersonaActivity(run: run))
        for i in 0...1 {
            var record = StoreFixture.record(job, i, last: 1)
            if i == 1 { record.personaActivity = Self.activity(3) }
            try store.write(record, run: run)
        }
        let rows = try store.personaActivity(run: run)
        #expect(rows == Self.activity(3).rows.map { PersonaActivity.WindowRow(job: job, iteration: 1, row: $0) })
        #expect(rows.map(\.row.persona) == [PersonaActivity.unknownPersona, "rushed"])
        #expect(
            rows.last?.row
                == .init(persona: "rushed", kind: .relevance, annotations: 3, seconds: 13.5, judged: 3, agreed: 2))

        let merged = try ResultsStore(path: f.folder + "/merged.sqlite")
        try store.finishRun(run)
        #expect(try merged.merge(from: [f.path]).copied == 1)
        let copy = try #require(try merged.runID(name: "r"))
        #expect(try merged.storesPersonaActivity(run: copy))
        #expect(try merged.personaActivity(run: copy).map(\.row) == rows.map(\.row))

        try store.resetJob(run: run, job: job, iterations: 2)
        #expect(try store.personaActivity(run: run).isEmpty)
    }
}
