import FlywheelCore
import Foundation
import GRDB
import Testing

@testable import Store

/// Every table of the store: what is written comes back as written (`persona_activity`:
/// ``PersonaActivityStoreTests``; `meta`: ``SchemaMigrationTests``).
@Suite struct TableRoundTripTests {
    static let job = JobKey(arm: "aitl", replicate: 1)

    /// One iteration with a row for every table an iteration writes.
    static func iteration(_ i: Int, last: Int) -> IterationRecord {
        IterationRecord(
            job: job, iteration: i, simTime: Timestamp(secondsSinceEpoch: 86_400 * Int64(7 * i)), retrained: i == 1,
            deployed: false,
            isLast: i == last, metrics: ["recall@75": 0.25 * Double(i + 1), "ndcg@10": 0.5],
            annotations: [
                .init(
                    label: .adoption(.edited), ticket: "t\(i)", agent: "ag", article: nil, detail: "missing_information"
                ),
                .init(label: .missingKnowledge, ticket: "t\(i)", agent: "ag", article: nil, detail: "refunds"),
                .init(label: .relevance(relevant: true), ticket: "u\(i)", agent: "ag", article: "kb-1", detail: nil)
            ],
            models: [.init(component: "reranker", version: i, deployed: i == 1, trainingExamples: 40 * i)],
            kbEvents: [
                .init(
                    time: Timestamp(secondsSinceEpoch: 86_400 * Int64(7 * i) - 3600), article: "kb-\(i)",
                    kind: .published, flags: 3)
            ])
    }

    static func store(_ f: StoreFixture) throws -> (ResultsStore, Int64) {
        let store = try ResultsStore(path: f.path)
        let run = try store.beginRun(
            name: "r", scenarioJSON: "{\"seed\":3}", scenarioHash: "h", seed: UInt64.max, version: "9.9", key: "k",
            keyParts: "{\"v\":1}")
        try store.resetJob(run: run, job: job, iterations: 2)
        for i in 0...1 { try store.write(iteration(i, last: 1), run: run) }
        return (store, run)
    }

    @Test func runs() throws {
        let f = try StoreFixture("t-runs")
        defer { f.cleanUp() }
        let (store, run) = try Self.store(f)
        try store.finishRun(run)
        let row = try store.queue.read { db in try ResultsStore.RunsRow.fetchOne(db, key: run) }
        #expect(row?.name == "r" && row?.scenario == "{\"seed\":3}" && row?.seed == -1 && row?.flywheelVersion == "9.9")
        #expect(
            row?.status == .complete && row?.runKey == "k" && row?.runKeyParts == "{\"v\":1}"
                && row?.personaActivity == true)
        #expect(try store.runStatus(name: "r") == "complete")
        #expect(
            try store.runNames() == ["r"] && store.runID(name: "r") == run
                && store.runScenario(name: "r") == "{\"seed\":3}")
        // Resuming the same scenario finds the run; another scenario under its name is refused.
        #expect(try store.beginRun(name: "r", scenarioJSON: "{}", scenarioHash: "h", seed: 1, version: "9.9") == run)
        #expect(throws: InputError.self) {
            try store.beginRun(name: "r", scenarioJSON: "{}", scenarioHash: "other", seed: 1, version: "9.9")
        }
    }

    @Test func jobsAndIterations() throws {
        let f = try StoreFixture("t-jobs")
        defer { f.cleanUp() }
        let (store, run) = try Self.store(f)
        let jobs = try store.queue.read { db in try ResultsStore.JobsRow.fetchAll(db) }
        #expect(
            jobs.map(\.job) == [Self.job] && jobs.map(\.status) == [.complete] && jobs.map(\.iterationsExpected) == [2])
        #expect(
            try store.iterationRows(run: run) == [
                .init(
                    arm: "aitl", replicate: 1, iteration: 0, time: "1970-01-01T00:00:00Z", retrained: false,
                    deployed: false),
                .init(
                    arm: "aitl", replicate: 1, iteration: 1, time: "1970-01-08T00:00:00Z", retrained: true,
                    deployed: false)
            ])
        try store.resetJob(run: run, job: Self.job, iterations: 2)
        #expect(try store.queue.read { db in try ResultsStore.JobsRow.fetchAll(db).map(\.status) } == [.running])
        #expect(try store.iterationRows(run: run).isEmpty)
    }

    @Test func metrics() throws {
        let f = try StoreFixture("t-metrics")
        defer { f.cleanUp() }
        let (store, run) = try Self.store(f)
        #expect(
            try store.metricRows(run: run) == [
                MetricRow(arm: "aitl", replicate: 1, iteration: 0, metric: "ndcg@10", value: 0.5),
                MetricRow(arm: "aitl", replicate: 1, iteration: 0, metric: "recall@75", value: 0.25),
                MetricRow(arm: "aitl", replicate: 1, iteration: 1, metric: "ndcg@10", value: 0.5),
                MetricRow(arm: "aitl", replicate: 1, iteration: 1, metric: "recall@75", value: 0.5)
            ])
    }

    @Test func annotationsAreTypedAndStoredAsTheirNames() throws {
        let f = try StoreFixture("t-annotations")
        defer { f.cleanUp() }
        let (store, run) = try Self.store(f)
        let rows = try store.annotations(run: run, arm: "aitl", replicate: 1, iteration: 1, tickets: 10)
        #expect(
            rows.map(\.annotation)
                == Self.iteration(1, last: 1).annotations.sorted {
                    ($0.ticket, $0.kind.rawValue) < ($1.ticket, $1.kind.rawValue)
                })
        let stored = try store.queue.read { db in
            try String.fetchAll(
                db, sql: "SELECT kind || ':' || label FROM annotations WHERE iteration = 1 ORDER BY rowid")
        }
        #expect(stored == ["adoption:edited", "missing_knowledge:flag", "relevance:relevant"])
        // A label the kind does not have is an error naming the store and the column.
        try store.queue.write { db in
            try db.execute(sql: "UPDATE annotations SET label = 'tie' WHERE kind = 'relevance'")
        }
        let error = try #require(throws: InputError.self) {
            try store.annotations(run: run, arm: "aitl", replicate: 1, iteration: 1, tickets: 10)
        }
        #expect(
            error.description
                == "\(f.path): field \"annotations.label\": unknown relevance label \"tie\"; expected one of relevant, not_relevant"
        )
    }

    @Test func annotationLog() throws {
        let f = try StoreFixture("t-log")
        defer { f.cleanUp() }
        let store = try ResultsStore(path: f.path)
        let run = try store.beginRun(name: "r", scenarioJSON: "{}", scenarioHash: "h", seed: 1, version: "t")
        try store.resetJob(run: run, job: Self.job, iterations: 1)
        var record = Self.iteration(0, last: 0)
        record.log = [
            .annotation(
                .init(
                    time: Timestamp(secondsSinceEpoch: 60),
                    annotation: .missingKnowledge(.init(ticket: "t0", agent: "ag", note: "refunds")),
                    seconds: 4.5))
        ]
        try store.write(record, run: run)
        #expect(try store.loggedJobs(run: run) == [Self.job])
        let (text, lines) = try store.annotationLog(run: run, job: Self.job)
        #expect(lines == 1 && text == String(decoding: record.log[0].jsonLineBytes, as: UTF8.self) + "\n")
    }

    @Test func modelVersionsAndKnowledgeBaseEvents() throws {
        let f = try StoreFixture("t-kb")
        defer { f.cleanUp() }
        let (store, run) = try Self.store(f)
        let models = try store.queue.read { db in
            try ResultsStore.ModelVersionsRow.order(Column("iteration")).fetchAll(db)
        }
        #expect(
            models.map(\.version) == [0, 1] && models.map(\.deployed) == [false, true]
                && models.map(\.trainingExamples) == [0, 40])
        #expect(
            try store.kbEvents(run: run)
                == (0...1).map {
                    KBEvent.WindowRow(job: Self.job, iteration: $0, event: Self.iteration($0, last: 1).kbEvents[0])
                })
        try store.queue.write { db in
            try db.execute(sql: "UPDATE kb_events SET event = 'retracted' WHERE iteration = 1")
        }
        let error = try #require(throws: InputError.self) { try store.kbEvents(run: run) }
        #expect(
            error.field == "kb_events.event"
                && error.message.hasPrefix("unknown event \"retracted\"; expected one of gap_opened, "))
    }

    @Test func sweepCells() throws {
        let f = try StoreFixture("t-sweep")
        defer { f.cleanUp() }
        let (store, run) = try Self.store(f)
        try store.recordSweepCell(sweep: "s", cell: 2, hash: "h", runID: run, parameters: "{\"a\":1}")
        try store.recordSweepCell(sweep: "s", cell: 2, hash: "h", runID: run, parameters: "{\"a\":1}")
        #expect(
            try store.sweepCells() == [
                .init(sweep: "s", cell: 2, hash: "h", runID: run, parameters: "{\"a\":1}", status: "running")
            ])
        #expect(throws: InputError.self) {
            try store.recordSweepCell(sweep: "s", cell: 2, hash: "other", runID: run, parameters: "{}")
        }
    }

    static func start(_ cell: Int, hash: String) -> ResultsStore.SweepCellStart {
        .init(
            sweep: "s", cell: cell, hash: hash, scenarioJSON: "{\"cell\":\(cell)}", seed: 7, version: "9.9",
            key: "k\(cell)",
            keyParts: "{}", parameters: "{\"a\":\(cell)}")
    }

    @Test func sweepCellsBegunTogetherAreRunsAndCellsAsIfBegunOneByOne() throws {
        let f = try StoreFixture("t-sweep-batch")
        defer { f.cleanUp() }
        let store = try ResultsStore(path: f.path)
        let ids = try store.beginSweepCells([Self.start(0, hash: "h0"), Self.start(1, hash: "h1")])
        #expect(try ids == [store.runID(name: "h0"), store.runID(name: "h1")])
        #expect(try store.runScenario(name: "h1") == "{\"cell\":1}")
        #expect(try store.sweepCells().map(\.parameters) == ["{\"a\":0}", "{\"a\":1}"])
        // Beginning them again resumes the same runs.
        #expect(try store.beginSweepCells([Self.start(0, hash: "h0"), Self.start(1, hash: "h1")]) == ids)
    }

    @Test func aRefusedCellLeavesNoneOfItsSweepsCellsBegun() throws {
        let f = try StoreFixture("t-sweep-refused")
        defer { f.cleanUp() }
        let store = try ResultsStore(path: f.path)
        _ = try store.beginSweepCells([Self.start(1, hash: "h1")])
        // Cell 1 now has another scenario: the whole batch is refused, cell 0 included.
        let error = try #require(throws: InputError.self) {
            try store.beginSweepCells([Self.start(0, hash: "h0"), Self.start(1, hash: "changed")])
        }
        #expect(error.message.contains("holds cell 1 of sweep 's' with another scenario"))
        #expect(try store.runID(name: "h0") == nil)
        #expect(try store.sweepCells().map(\.cell) == [1])
    }
}
