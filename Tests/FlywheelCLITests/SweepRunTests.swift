import FlywheelCore
import Foundation
import Scenarios
import Store
import Testing

@testable import FlywheelCLI

/// A sweep gives the same metrics whether it runs in one process (even interrupted and resumed)
/// or as shards merged afterwards, and a resumed sweep recomputes only unfinished cells.
@Suite(.serialized) struct SweepRunTests {
    @Test func interruptedResumedSweepEqualsFourShardsMerged() throws {
        let (folder, sweep) = try SweepFixture.make("sweep-run")
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // One process, interrupted after 5 of the 12 cells (one worker, so exactly 5).
        let single = folder + "/single"
        let interrupted = try SweepPipeline(sweepPath: sweep, out: single, jobs: 1, stopAfterCells: 5).run()
        #expect(interrupted.cells == 12)
        #expect(interrupted.computed == 5)
        #expect(interrupted.csv == nil)

        // Resumed: the 5 finished cells are skipped, only the other 7 are computed.
        let resumed = try SweepPipeline(sweepPath: sweep, out: single, jobs: 2).run()
        #expect(resumed.skipped == 5)
        #expect(resumed.computed == 7)
        #expect(resumed.csv == single + "/sweep.csv")

        // Run again: nothing left to compute.
        let again = try SweepPipeline(sweepPath: sweep, out: single, jobs: 2).run()
        #expect(again.skipped == 12 && again.computed == 0)

        // Four shards, each its own store, then merged.
        let sharded = folder + "/sharded"
        var shardStores: [String] = []
        for i in 0..<4 {
            let outcome = try SweepPipeline(sweepPath: sweep, out: sharded, jobs: 1, shard: Shard(index: i, count: 4))
                .run()
            #expect(outcome.cells == 3 && outcome.computed == 3)
            #expect(outcome.storePath == sharded + "/shard-\(i)-of-4.sqlite")
            shardStores.append(outcome.storePath)
        }
        let merged = try MergeCommand.merge(shardStores, into: sharded + "/sweep.sqlite")
        #expect(merged.report == ResultsStore.MergeReport(copied: 12, identical: 0))

        // Identical metric rows, cell by cell, and identical sweep summaries.
        let a = try ResultsStore(path: single + "/sweep.sqlite")
        let b = try ResultsStore(path: sharded + "/sweep.sqlite")
        let cellsA = try a.sweepCells()
        let cellsB = try b.sweepCells()
        #expect(cellsA.count == 12)
        #expect(cellsA.map(\.hash) == cellsB.map(\.hash))
        #expect(cellsA.map(\.parameters) == cellsB.map(\.parameters))
        var rows = 0
        for (x, y) in zip(cellsA, cellsB) {
            let ra = try a.metricRows(run: x.runID)
            #expect(!ra.isEmpty)
            #expect(ra == (try b.metricRows(run: y.runID)), "cell \(x.cell) differs")
            rows += ra.count
        }
        #expect(rows > 12 * 10)
        let csvA = try String(contentsOfFile: single + "/sweep.csv", encoding: .utf8)
        let csvB = try String(contentsOfFile: try #require(merged.csv), encoding: .utf8)
        #expect(csvA == csvB)
        #expect(csvA.hasPrefix("sweep,cell,hash,arms.aitl.cadence,arms.aitl.participation,arm,metric,"))

        // Merging the same shards again accepts them as identical duplicates.
        let twice = try MergeCommand.merge(shardStores, into: sharded + "/sweep.sqlite")
        #expect(twice.report == ResultsStore.MergeReport(copied: 0, identical: 12))
    }
}
