import FlywheelCore
import Foundation
import Testing

@testable import Scenarios

/// Every malformed sweep gets one exact error naming its key path (and the cell, for a bad value).
@Suite struct BadSweepTests {
    typealias Case = InputErrorCase

    static let cases: [Case] = [
        Case(
            yaml: "base: b.yaml\nparameter: {seed: [1]}", field: "parameter",
            message:
                "unknown key 'parameter'; did you mean 'parameters'? Valid keys: version, name, base, mode, samples, seed, set, parameters"
        ),
        Case(yaml: "parameters: {seed: [1]}", field: "base", message: "required key is missing"),
        Case(yaml: "base: b.yaml", field: "parameters", message: "a sweep needs at least one parameter to vary"),
        Case(
            yaml: "base: b.yaml\nparameters: {arms.aitl.cadence: []}", field: "parameters.arms.aitl.cadence",
            message: "the list of values is empty"),
        Case(
            yaml: "base: b.yaml\nversion: 3\nparameters: {seed: [1]}", field: "version",
            message: "3 is out of range; allowed: 1…1"),
        Case(
            yaml: "base: b.yaml\nmode: lattice\nparameters: {seed: [1]}", field: "mode",
            message: "'lattice' is not one of: grid, random"),
        Case(
            yaml: "base: b.yaml\nmode: random\nparameters: {seed: [1, 2]}", field: "samples",
            message: "a random sweep needs 'samples' (the number of cells)"),
        Case(
            yaml: "base: b.yaml\nmode: random\nsamples: 0\nparameters: {seed: [1, 2]}", field: "samples",
            message: "0 is out of range; allowed: 1…100000"),
        Case(
            yaml: "base: b.yaml\nmode: random\nsamples: 3\nparameters: {seed: [1, 2]}", field: "samples",
            message: "3 samples but the grid has only 2 distinct cells"),
        Case(
            yaml: "base: b.yaml\nsamples: 3\nparameters: {seed: [1, 2]}", field: "samples",
            message: "only a random sweep takes samples; add 'mode: random'"),
        Case(
            yaml: "base: b.yaml\nset: {seed: 3}\nparameters: {seed: [1, 2]}", field: "set.seed",
            message: "is also a swept parameter; keep it in one place"),
        Case(
            yaml: "base: b.yaml\nname: a/b\nparameters: {seed: [1]}", field: "name",
            message: "a sweep name must be non-empty and contain no '/'"),
        Case(
            yaml: "base: b.yaml\nparameters: {arms.batch.cadence: [7d]}", field: "parameters.arms.batch.cadence",
            message: "'arms.batch' does not exist in the base scenario (there: aitl, frozen)"),
        Case(
            yaml: "base: b.yaml\nparameters:\n  population[3].weight: [1]", field: "parameters.population[3].weight",
            message: "'population[3]' does not exist in the base scenario ('population' has 1 entries)"),
        Case(
            yaml: "base: b.yaml\nparameters: {seed.x: [1]}", field: "parameters.seed.x",
            message: "'seed' is not a mapping, so it has no key 'x'"),
        Case(
            yaml: "base: b.yaml\nparameters: {\"arms..aitl\": [1]}", field: "parameters.arms..aitl",
            message: "not a key path like 'arms.aitl.cadence' or 'population[0].weight'"),
        Case(
            yaml: "base: b.yaml\nparameters: {arms.aitl.cadense: [7d]}", field: "arms.aitl.cadense",
            message:
                "cell 0 (arms.aitl.cadense=7d): unknown key 'cadense'; did you mean 'cadence'? Valid keys: cadence, retrain, signals, participation, labelling, evaluate_every, deploy_gate, shuffle_labels, population, feedback, log"
        ),
        Case(
            yaml: "base: b.yaml\nparameters: {arms.aitl.cadence: [7d, 10m]}", field: "arms.aitl.cadence",
            message: "cell 1 (arms.aitl.cadence=10m): a cadence must be at least 1h"),
        Case(
            yaml: "base: b.yaml\nparameters: {arms.aitl.participation: [0.5, 1.5]}", field: "arms.aitl.participation",
            message: "cell 1 (arms.aitl.participation=1.5): 1.5 is out of range; allowed: 0.0…1.0"),
        Case(
            yaml: "base: b.yaml\nparameters: {arms.aitl.signals: [[preference], [telepathy]]}",
            field: "arms.aitl.signals[0]",
            message:
                "cell 1 (arms.aitl.signals=[\"telepathy\"]): 'telepathy' is not one of: preference, adoption, relevance, missing_knowledge"
        ),
        Case(
            yaml: "base: b.yaml\nparameters:\n  population[0].weight: [0]", field: "population",
            message:
                "cell 0 (population[0].weight=0): the population needs at least one persona and weights summing to a positive number"
        ),
        Case(
            yaml: "base: b.yaml\nparameters: {horizon: [7d, 1w]}", field: "parameters",
            message: "cells 0 and 1 (horizon=1w) resolve to the same scenario; remove the duplicate value"),
        Case(
            yaml: "base: b.yaml\nparameters: {replicates: [two]}", field: "replicates",
            message: "cell 0 (replicates=two): expected an integer")
    ]

    @Test(arguments: cases)
    func badSweepIsRejectedWithItsKeyPath(_ c: Case) {
        c.expectRejected { yaml, file in
            let spec = try Sweep.decodeSpec(yaml, file: file)
            return try Sweep.expand(spec, base: Scenario(), basePath: "b.yaml", name: "bad", file: file)
        }
    }

    @Test func missingBaseScenarioNamesIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-sweep-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.yaml").path
        try "base: nowhere.yaml\nparameters: {seed: [1]}\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(
            throws: InputError(file: file, line: 1, field: "base", "no scenario file at '\(folder.path)/nowhere.yaml'")
                .withColumn(7)
        ) {
            try Sweep.load(path: file)
        }
    }
}
