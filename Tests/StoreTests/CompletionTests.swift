import FlywheelCore
import Foundation
import Testing

@testable import Store

/// A job counts as complete only when it holds every iteration it was started with, and a run is
/// marked complete only after every job's last iteration is committed.
@Suite struct CompletionTests {
    @Test func aJobIsCompleteOnceItsLastIterationIsWritten() throws {
        let f = try StoreFixture("complete")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store(iterations: 3)
        for i in 0..<2 { try store.write(StoreFixture.record(job, i, last: 2), run: run) }
        #expect(try store.completedJobs(run: run).isEmpty)
        try store.write(StoreFixture.record(job, 2, last: 2), run: run)
        #expect(try store.completedJobs(run: run) == [job])
        try store.finishRun(run, expecting: [job])
        #expect(try store.runStatus(name: "r") == "complete")
    }

    @Test func aJobMarkedCompleteButMissingAnIterationIsReportedDamaged() throws {
        let f = try StoreFixture("damaged")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store(iterations: 3)
        // Iteration 1 never landed, yet the last one marked the job complete.
        try store.write(StoreFixture.record(job, 0, last: 2), run: run)
        try store.write(StoreFixture.record(job, 2, last: 2), run: run)
        let audit = try store.auditJobs(run: run)
        #expect(audit.complete.isEmpty)
        #expect(audit.damaged == [job: "has 2 of 3 iterations"])
        #expect(try store.completedJobs(run: run).isEmpty)
    }

    @Test func theRunIsNotMarkedCompleteWhileAJobIsUnfinished() throws {
        let f = try StoreFixture("unfinished")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store(iterations: 2)
        try store.write(StoreFixture.record(job, 0, last: 1), run: run)
        let error = try #require(throws: InputError.self) { try store.finishRun(run, expecting: [job]) }
        #expect(error.file == f.path)
        #expect(error.message == "cannot mark the run complete: job aitl#0 is not complete")
        // A job that was never started counts as unfinished too.
        try store.write(StoreFixture.record(job, 1, last: 1), run: run)
        #expect(throws: InputError.self) {
            try store.finishRun(run, expecting: [job, JobKey(arm: "frozen", replicate: 0)])
        }
        #expect(try store.runStatus(name: "r") == "running")
    }

    @Test func resettingAJobOfACompleteRunMarksTheRunRunningAgain() throws {
        let f = try StoreFixture("reset")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store(iterations: 1)
        try store.write(StoreFixture.record(job, 0, last: 0), run: run)
        try store.finishRun(run, expecting: [job])
        try store.resetJob(run: run, job: job, iterations: 1)
        #expect(try store.runStatus(name: "r") == "running")
        #expect(try store.metricRows(run: run).isEmpty)
    }

    @Test func deletingARunRemovesEveryRowOfIt() throws {
        let f = try StoreFixture("delete")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store(iterations: 1)
        try store.write(StoreFixture.record(job, 0, last: 0), run: run)
        try store.recordSweepCell(sweep: "s", cell: 0, hash: "h", runID: run, parameters: "{}")
        try store.deleteRun(run)
        #expect(try store.runs().isEmpty)
        #expect(try store.sweepCells().isEmpty)
        #expect(try store.metricRows(run: run).isEmpty)
    }
}
