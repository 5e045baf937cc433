import FlywheelCore
import Testing

@testable import Scenarios

/// Every malformed scenario gets one exact error naming its key path and what is allowed.
@Suite struct BadScenarioTests {
    typealias Case = InputErrorCase

    static let cases: [Case] = [
        Case(
            yaml: "corpuss: x", field: "corpuss",
            message:
                "unknown key 'corpuss'; did you mean 'corpus'? Valid keys: version, corpus, seed, replicates, heldout, knowledge, personas, population, agents, panel, system, judge, filter, arms, baseline, horizon, expect, cost"
        ),
        Case(yaml: "replicates: 0", field: "replicates", message: "0 is out of range; allowed: 1…1000"),
        Case(yaml: "version: 2", field: "version", message: "2 is out of range; allowed: 1…1"),
        Case(yaml: "heldout: {share: 0.9}", field: "heldout.share", message: "0.9 is out of range; allowed: 0.001…0.5"),
        Case(
            yaml: "heldout: {shares: 0.1}", field: "heldout.shares",
            message: "unknown key 'shares'; did you mean 'share'? Valid keys: share, max"),
        Case(
            yaml: "system: {retriever: {k1: -1}}", field: "system.retriever.k1",
            message: "-1.0 is out of range; allowed: 0.0…10.0"),
        Case(
            yaml: "system: {retriever: {b: 1.5}}", field: "system.retriever.b",
            message: "1.5 is out of range; allowed: 0.0…1.0"),
        Case(
            yaml: "system: {reranker: {depht: 8}}", field: "system.reranker.depht",
            message:
                "unknown key 'depht'; did you mean 'depth'? Valid keys: depth, epochs, kind, process, learning_rate, prior_half_life, prior_evidence, validation_folds"
        ),
        Case(
            yaml: "system: {generator: {candidates: 1}}", field: "system.generator.candidates",
            message: "1 is out of range; allowed: 2…64"),
        Case(
            yaml: "system: {retriever: {kind: plugin}}", field: "system.retriever.kind",
            message: "'plugin' is not one of: builtin, process"),
        Case(
            yaml: "system: {generator: {kind: plugin}}", field: "system.generator.kind",
            message: "'plugin' is not one of: builtin, process, openai"),
        Case(
            yaml:
                "system: {generator: {kind: openai, openai: {base_url: 'http://127.0.0.1:9/v1', model: m}, process: {command: [gen]}}}",
            field: "system.generator.process", message: "only allowed with `kind: process`"),
        Case(
            yaml: "system: {retriever: {kind: process}}", field: "system.retriever.process",
            message: "required with `kind: process` (its `command` at least)"),
        Case(
            yaml: "system: {reranker: {process: {command: [rerank]}}}", field: "system.reranker.process",
            message: "only allowed with `kind: process`"),
        Case(
            yaml: "system: {generator: {kind: process, process: {command: []}}}",
            field: "system.generator.process.command",
            message: "must name a program, e.g. [python3, ../plugins/bm25s_retriever.py]"),
        Case(
            yaml: "system: {retriever: {kind: process, process: {command: [x], timout: 5s}}}",
            field: "system.retriever.process.timout",
            message: "unknown key 'timout'; did you mean 'timeout'? Valid keys: command, env, timeout, reuse"),
        Case(
            yaml: "system: {retriever: {kind: process, process: {command: [x], timeout: 0s}}}",
            field: "system.retriever.process.timeout",
            message: "0.0 is out of range; allowed: 1.0…86400.0"),
        Case(
            yaml: "arms: {aitl: {cadence: 7x}}", field: "arms.aitl.cadence",
            message: "expected a duration like 7d, 12h or 26w (units: s, m, h, d, w), got \"7x\""),
        Case(
            yaml: "arms: {aitl: {cadence: 10m}}", field: "arms.aitl.cadence", message: "a cadence must be at least 1h"),
        Case(
            yaml: "arms: {aitl: {participation: 1.2}}", field: "arms.aitl.participation",
            message: "1.2 is out of range; allowed: 0.0…1.0"),
        Case(
            yaml: "arms: {aitl: {signals: [preference, telepathy]}}", field: "arms.aitl.signals[1]",
            message: "'telepathy' is not one of: preference, adoption, relevance, missing_knowledge"),
        Case(yaml: "arms: {}", field: "arms", message: "a scenario needs at least one arm"),
        Case(
            yaml: "arms: {aitl: {deploy_gate: {tolerance: 2}}}", field: "arms.aitl.deploy_gate.tolerance",
            message: "2.0 is out of range; allowed: 0.0…1.0"),
        Case(
            yaml: "arms: {aitl: {deploy_gate: {spending: weekly}}}", field: "arms.aitl.deploy_gate.spending",
            message: "'weekly' is not one of: tests, time"),
        Case(
            yaml: "arms: {aitl: {}}\nbaseline: frozen", field: "baseline", message: "'frozen' is not an arm; arms: aitl"
        ),
        Case(
            yaml: "population: []", field: "population",
            message: "the population needs at least one persona and weights summing to a positive number"),
        Case(
            yaml: "population: [{persona: rushed, weight: 0}]", field: "population",
            message: "the population needs at least one persona and weights summing to a positive number"),
        Case(yaml: "population: [{weight: 1}]", field: "population[0].persona", message: "required key is missing"),
        Case(
            yaml: "knowledge: {authoring: {flags_needed: 0}}", field: "knowledge.authoring.flags_needed",
            message: "0 is out of range; allowed: 1…10000"),
        Case(
            yaml: "filter: {virtual_judge: {precision: 2}}", field: "filter.virtual_judge.precision",
            message: "2.0 is out of range; allowed: 0.0…1.0"),
        Case(yaml: "seed: many", field: "seed", message: "expected an integer"),
        Case(
            yaml: "arms: {replay: {feedback: logged}}", field: "arms.replay.log",
            message: "a `feedback: logged` arm needs the log's path"),
        Case(
            yaml: "arms: {aitl: {log: logs/a.jsonl}}", field: "arms.aitl.log",
            message: "only a `feedback: logged` arm reads a log"),
        Case(
            yaml: "arms: {replay: {feedback: logged, log: a.jsonl, labelling: {}}}", field: "arms.replay.labelling",
            message: "a `feedback: logged` arm cannot also have vendor labelling"),
        Case(
            yaml: "arms: {replay: {feedback: recorded}}", field: "arms.replay.feedback",
            message: "'recorded' is not one of: simulated, logged")
    ]

    @Test(arguments: cases)
    func badScenarioIsRejectedWithItsKeyPath(_ c: Case) {
        c.expectRejected { yaml, file in try ScenarioLoader.decode(yaml, file: file) }
    }

    @Test func emptyScenarioTakesEveryDefault() throws {
        let s = try ScenarioLoader.decode("{}")
        #expect(s == Scenario())
        #expect(s.armNames == ["aitl", "frozen"])
    }

    @Test func resolvedHashChangesWithAnyValue() throws {
        let a = try ScenarioLoader.decode("seed: 1")
        let b = try ScenarioLoader.decode("seed: 2")
        #expect(a.resolvedHash != b.resolvedHash)
        #expect(a.resolvedHash == (try ScenarioLoader.decode("seed: 1\n")).resolvedHash)
    }
}
