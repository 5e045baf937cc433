import FlywheelCore
import Foundation
import Testing
import World

@testable import Scenarios

/// A bad scenario or sweep file gets every problem listed, in file order, each at its line and
/// column (`StrictYAML`); a problem decoding cannot go past (a wrong type) does not hide the rest.
@Suite struct ScenarioErrorListTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
    }

    /// (line, column, key path, message) of each error listed.
    static func listed(_ error: InputError) -> [String] {
        error.all.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.field ?? "-"): \($0.message)" }
    }

    @Test func aScenarioWithThreeErrorsListsThreeWithLineAndColumn() throws {
        let file = Self.fixture("three-errors.yaml")
        let error = try #require(throws: InputError.self) { try ScenarioLoader.load(path: file) }
        #expect(error.all.allSatisfy { $0.file == file })
        #expect(
            Self.listed(error) == [
                "4:13 replicates: 0 is out of range; allowed: 1…1000",
                "6:3 heldout.shares: unknown key 'shares'; did you mean 'share'? Valid keys: share, max",
                "7:7 seed: expected an integer"
            ])
        #expect(error.description == "\(file):4:13: field \"replicates\": 0 is out of range; allowed: 1…1000")
    }

    @Test func aSweepWithThreeErrorsListsThree() throws {
        let file = Self.fixture("three-errors-sweep.yaml")
        let error = try #require(throws: InputError.self) { try Sweep.load(path: file) }
        #expect(
            Self.listed(error) == [
                "3:1 sample: unknown key 'sample'; did you mean 'samples'? Valid keys: version, name, base, mode, samples, seed, set, parameters",
                "5:9 parameters.seed: the list of values is empty",
                "7:10 version: 2 is out of range; allowed: 1…1"
            ])
    }

    @Test func aBadCellPointsAtTheSweptEntry() throws {
        let file = Self.fixture("bad-cell-sweep.yaml")
        let error = try #require(throws: InputError.self) { try Sweep.load(path: file) }
        #expect(
            Self.listed(error) == [
                "4:22 arms.aitl.cadence: cell 1 (arms.aitl.cadence=30m): a cadence must be at least 1h"
            ])
    }

    @Test func aMisspeltRequiredKeyIsOneErrorNotTwo() throws {
        let error = try #require(throws: InputError.self) {
            try ScenarioLoader.decode("population:\n  - {persna: rushed}\n", file: "s.yaml")
        }
        #expect(
            Self.listed(error) == [
                "2:6 population[0].persna: unknown key 'persna'; did you mean 'persona'? Valid keys: persona, weight"
            ])
    }

    @Test func aWrongTypeDoesNotHideLaterProblems() throws {
        let yaml = """
            seed: many
            system: {retriever: {k1: x, b: 3}}
            arms: {aitl: {cadence: 10m}, frozen: {retrain: false}}
            population: [{weight: 1}]
            """
        let error = try #require(throws: InputError.self) { try ScenarioLoader.decode(yaml, file: "s.yaml") }
        #expect(
            Self.listed(error) == [
                "1:7 seed: expected an integer",
                "2:26 system.retriever.k1: expected a number",
                "2:32 system.retriever.b: 3.0 is out of range; allowed: 0.0…1.0",
                "3:24 arms.aitl.cadence: a cadence must be at least 1h",
                "4:14 population[0].persona: required key is missing"
            ])
    }

    @Test func everyUnknownKeyOfOneMappingIsListed() throws {
        let error = try #require(throws: InputError.self) {
            try ScenarioLoader.decode("heldout: {shares: 0.1, maxx: 3}\n", file: "s.yaml")
        }
        #expect(error.all.map(\.field) == ["heldout.shares", "heldout.maxx"])
        #expect(error.all.map(\.column) == [11, 24])
    }

    @Test func aGoodFileStillDecodes() throws {
        let scenario = try ScenarioLoader.decode("replicates: 2\nheldout: {share: 0.1}\n", file: "s.yaml")
        #expect(scenario.replicates == 2 && scenario.heldout.share == 0.1)
    }
}
