import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import World

@testable import Scenarios

/// The JSON Schema and `docs/scenarios.md` are generated from the spec's own descriptions and
/// must agree with the decoders.
@Suite struct ScenarioSchemaTests {
    @Test func schemaIsValidJSONListingEveryTopLevelKey() throws {
        let text = ScenarioSchema.jsonSchema()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["additionalProperties"] as? Bool == false)
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(Scenario.CodingKeys.allCases.map(\.stringValue)))
        let arms = try #require(properties["arms"] as? [String: Any])
        let arm = try #require(arms["additionalProperties"] as? [String: Any])
        let signals = try #require((arm["properties"] as? [String: Any])?["signals"] as? [String: Any])
        #expect((signals["items"] as? [String: Any])?["enum"] as? [String] == SignalKind.allCases.map(\.rawValue))
    }

    @Test func everyKeyAtEveryDepthIsDescribed() {
        let paths = ScenarioSchema.keyPaths()
        let undocumented = paths.filter { $0.node.description == SchemaNode.undocumented }.map(\.path)
        #expect(undocumented.isEmpty, "keys without a schema description: \(undocumented)")
        #expect(paths.contains { $0.path == "arms.NAME.labelling.vendor_sample" })
        #expect(paths.contains { $0.path == "population[i].weight" })
        #expect(paths.count >= 35)
    }

    /// docs/scenarios.md is `flywheel scenario docs`; regenerate it with
    /// `swift run flywheel scenario docs > docs/scenarios.md`.
    @Test func docsMatchTheGeneratedReference() throws {
        let file = Repository.url("docs/scenarios.md")
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(
            onDisk == ScenarioSchema.markdown(),
            "docs/scenarios.md is stale: run `flywheel scenario docs > docs/scenarios.md`")
    }

    /// Every numeric range the schema states is the range the decoder enforces: each bound is
    /// accepted and a value just outside it is rejected with that key path.
    @Test func schemaRangesAreTheDecodersRanges() throws {
        var base = Scenario()
        base.arms["aitl"]!.labelling = .init()
        base.arms["aitl"]!.deployGate = .init()  // on by default; set explicitly here
        base.arms["aitl"]!.population = [PopulationEntry()]
        base.filter.virtualJudge = .init()
        var openai = OpenAISpec()  // the openai blocks exist only with kind: openai
        openai.baseURL = "http://127.0.0.1:8080/v1"
        openai.model = "m"
        base.system.generator.kind = .openai
        base.system.generator.openai = openai
        base.judge.kind = .openai
        base.judge.openai = openai
        let tree = JSONValue(encoding: base)
        var checked = 0
        for (path, node) in ScenarioSchema.keyPaths() where node.kind == .number || node.kind == .integer {
            guard let lo = node.minimum, let hi = node.maximum, hi < 1e18 else { continue }
            let concrete = path.replacingOccurrences(of: ".NAME", with: ".aitl").replacingOccurrences(
                of: "[i]", with: "[0]")
            let keyPath = try #require(SweepKeyPath(concrete))
            let step = node.kind == .integer ? 1 : Swift.max(1e-6, hi * 1e-9)
            func value(_ x: Double) -> JSONValue { node.kind == .integer ? .int(Int64(x)) : .double(x) }
            for (x, ok) in [(lo, true), (hi, true), (lo - step, false), (hi + step, false)] {
                var t = tree
                try keyPath.set(value(x), in: &t)
                // in range alone, but refused with the default of a related key: a population weighing 0 in
                // all, a judge length band whose minimum passes its default maximum or vice versa
                let weightlessPopulation =
                    (concrete.hasSuffix("population[0].weight") && x == 0)
                    || (concrete == "judge.min_words" && x > 110) || (concrete == "judge.max_words" && x < 25)
                do {
                    _ = try JSONDecoder().decode(Scenario.self, from: JSONEncoder().encode(t))
                    #expect(ok, "\(concrete) = \(x) was accepted")
                } catch let error as YAMLProblem {
                    #expect(!ok || weightlessPopulation, "\(concrete) = \(x): \(error.message)")
                    if !ok { #expect(error.keyPath == concrete && error.message.contains("out of range")) }
                } catch let DecodingError.dataCorrupted(context) {
                    let inner = context.underlyingError as? YAMLProblem
                    #expect(!ok, "\(concrete) = \(x): \(String(describing: inner))")
                    #expect(inner?.keyPath == concrete)
                }
                checked += 1
            }
        }
        #expect(checked >= 4 * 20)
    }
}
