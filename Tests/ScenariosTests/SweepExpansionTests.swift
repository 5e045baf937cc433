import FlywheelCore
import Testing

@testable import Scenarios

/// How a sweep file becomes cells, and how cells are split into shards.
@Suite struct SweepExpansionTests {
    static func sweep(_ yaml: String) throws -> Sweep {
        try Sweep.expand(Sweep.decodeSpec(yaml), base: Scenario(), basePath: "b.yaml", name: "t", file: "t.yaml")
    }

    @Test func gridCellsAreEveryCombinationLastParameterFastest() throws {
        let s = try Self.sweep(
            "base: b.yaml\nparameters: {arms.aitl.cadence: [3d, 7d, 14d], arms.aitl.participation: [0.5, 1]}")
        #expect(s.cells.count == 6)
        #expect(
            s.cells.map { $0.scenario.arms["aitl"]!.cadence } == [
                .days(3), .days(3), .days(7), .days(7), .days(14), .days(14)
            ])
        #expect(s.cells.map { $0.scenario.arms["aitl"]!.participation } == [0.5, 1, 0.5, 1, 0.5, 1])
        #expect(Set(s.cells.map(\.hash)).count == 6)
        #expect(s.cells[0].hash == s.cells[0].scenario.resolvedHash)
        #expect(s.cells[1].values == ["arms.aitl.cadence": .string("3d"), "arms.aitl.participation": .int(1)])
    }

    @Test func setAppliesToEveryCellAndListsAndIndicesWork() throws {
        let s = try Self.sweep(
            """
            base: b.yaml
            set: {replicates: 1, population: [{persona: rushed, weight: 1}, {persona: novice, weight: 1}]}
            parameters:
              population[1].weight: [0.5, 2]
              arms.aitl.signals: [[preference], [relevance, adoption]]
            """)
        #expect(s.cells.count == 4)
        #expect(s.cells.allSatisfy { $0.scenario.replicates == 1 && $0.scenario.population[0].persona == "rushed" })
        #expect(s.cells.map { $0.scenario.population[1].weight } == [0.5, 2, 0.5, 2])  // parameters vary in sorted key-path order, the last fastest
        #expect(s.cells[2].scenario.arms["aitl"]!.signals == [.relevance, .adoption])
    }

    @Test func cellsAndTheFirstBadCellDoNotDependOnTheThreadsTheyAreDecodedOn() throws {
        let grid = try Sweep.decodeSpec(
            "base: b.yaml\nparameters: {arms.aitl.cadence: [3d, 7d, 14d], arms.aitl.participation: [0.25, 0.5, 1]}")
        let one = try Sweep.expand(grid, base: Scenario(), basePath: "b.yaml", name: "t", file: "t.yaml", width: 1)
        for width in [2, 3, 16] {
            let many = try Sweep.expand(
                grid, base: Scenario(), basePath: "b.yaml", name: "t", file: "t.yaml", width: width)
            #expect(many.cells == one.cells)
        }
        // Cells 1 and 3 are bad, and cells 2 and 4 resolve to cell 0's scenario: the first
        // problem in index order is reported, whichever thread found one first.
        let bad = try Sweep.decodeSpec("base: b.yaml\nparameters: {replicates: [1, two, 1, three, 1]}")
        for width in [1, 2, 5] {
            let error = try #require(throws: InputError.self) {
                try Sweep.expand(bad, base: Scenario(), basePath: "b.yaml", name: "t", file: "t.yaml", width: width)
            }
            #expect(error.message == "cell 1 (replicates=two): expected an integer")
        }
    }

    @Test func randomSampleIsSeededAndDistinct() throws {
        let yaml =
            "base: b.yaml\nmode: random\nsamples: 5\nseed: 3\nparameters: {seed: [1, 2, 3, 4], replicates: [1, 2, 3]}"
        let a = try Self.sweep(yaml)
        let b = try Self.sweep(yaml)
        #expect(a.cells.map(\.hash) == b.cells.map(\.hash))
        #expect(Set(a.cells.map(\.hash)).count == 5)
        let c = try Self.sweep(yaml.replacingOccurrences(of: "seed: 3", with: "seed: 4"))
        #expect(c.cells.map(\.hash) != a.cells.map(\.hash))
    }

    @Test func shardsPartitionTheCellsRoundRobin() throws {
        let s = try Self.sweep("base: b.yaml\nparameters: {seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]}")
        let slices = (0..<4).map { s.cells(shard: Shard(index: $0, count: 4)).map(\.index) }
        #expect(slices[1] == [1, 5, 9])
        #expect(slices.flatMap { $0 }.sorted() == Array(0..<13))
        #expect(s.cells(shard: .whole).count == 13)
    }

    @Test func shardComesFromTheBatchSystemsEnvironment() throws {
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(throws: InputError(field: "--shard", "the shard index 4 is out of range; allowed: 0…3")) {
            try Shard(parsing: "4/4")
        }
        #expect(throws: InputError(field: "--shard", "expected i/n such as 0/4, got '1-4'")) {
            try Shard(parsing: "1-4")
        }
        // Slurm: --array=1-4 numbers tasks from SLURM_ARRAY_TASK_MIN.
        let slurm = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"]
        #expect(try Shard.fromEnvironment(slurm, count: nil) == Shard(index: 2, count: 4))
        // Kubernetes Indexed Job: the count comes from --shard-count or FLYWHEEL_SHARD_COUNT.
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0"], count: 8) == Shard(index: 0, count: 8))
        #expect(
            try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "5", "FLYWHEEL_SHARD_COUNT": "6"], count: nil)
                == Shard(index: 5, count: 6))
        #expect(
            throws: InputError(
                field: "JOB_COMPLETION_INDEX", "needs the shard count: pass --shard-count or set FLYWHEEL_SHARD_COUNT")
        ) {
            try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "5"], count: nil)
        }
        #expect(try Shard.fromEnvironment([:], count: nil) == nil)
    }
}
