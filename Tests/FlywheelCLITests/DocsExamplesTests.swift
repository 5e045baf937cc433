import Foundation
import Scenarios
import Testing
import Yams
import FlywheelTestSupport

@testable import FlywheelCLI
@testable import World

/// Docs that cannot drift: every ```yaml block in README.md and docs/*.md is a Flywheel file
/// that validates, and `persona show` prints every key a persona file may hold.
///
/// A block is read by what it is: a scenario (top-level `version:` without `base:`), a sweep
/// (`base:`), a persona (`name:` with `participation:`), or a scenario fragment (only scenario
/// keys such as `expect:` or `cost:`, validated inside `version: 1`). YAML for other tools
/// (Kubernetes `apiVersion:`, GitHub Actions `jobs:`) is skipped by those keys.
@Suite struct DocsExamplesTests {
    static let root = Repository.rootPath

    /// (file, line of the opening fence, text) of every ```yaml block.
    static func yamlBlocks() throws -> [(file: String, line: Int, text: String)] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: root + "/docs").filter { $0.hasSuffix(".md") }
            .sorted()
        var blocks: [(String, Int, String)] = []
        for file in ["README.md"] + docs.map({ "docs/" + $0 }) {
            let lines = try String(contentsOfFile: root + "/" + file, encoding: .utf8).components(separatedBy: "\n")
            var start: Int?
            var body: [String] = []
            for (i, line) in lines.enumerated() {
                if start == nil, line.hasPrefix("```yaml") || line.hasPrefix("```yml") {
                    start = i + 1
                    body = []
                } else if let s = start, line.hasPrefix("```") {
                    blocks.append((file, s, body.joined(separator: "\n") + "\n"))
                    start = nil
                } else if start != nil {
                    body.append(line)
                }
            }
        }
        return blocks
    }

    @Test func everyYAMLExampleValidates() throws {
        let blocks = try Self.yamlBlocks()
        #expect(blocks.count >= 6, "found only \(blocks.count) yaml blocks")
        var checked = 0
        for block in blocks {
            let place = "\(block.file):\(block.line)"
            let documents = try Array(Yams.load_all(yaml: block.text)).map { $0 as? [String: Any] ?? [:] }
            if documents.contains(where: { $0["apiVersion"] != nil || $0["jobs"] != nil }) { continue }  // another tool's file
            let top = try #require(documents.count == 1 ? documents.first : nil, "\(place): expected one YAML mapping")
            do {
                if top["base"] != nil {
                    _ = try Sweep.decodeSpec(block.text, file: place)
                } else if top["participation"] != nil {
                    _ = try Persona.load(yaml: block.text, file: place)
                } else if top["version"] != nil {
                    _ = try ScenarioLoader.decode(block.text, file: place)
                } else {
                    _ = try ScenarioLoader.decode("version: 1\n" + block.text, file: place)
                }
                checked += 1
            } catch {
                Issue.record("\(place): the example does not validate: \(error)")
            }
        }
        #expect(checked >= 6)
    }

    /// Every key path of the persona key schema, e.g. `adoption.trust.rate`.
    static func keyPaths(_ schema: KeySchema, prefix: String = "") -> [String] {
        switch schema {
        case .mapping(let entries):
            return entries.flatMap { entry -> [String] in
                let path = prefix.isEmpty ? entry.key : prefix + "." + entry.key
                return [path] + keyPaths(entry.value, prefix: path)
            }
        case .sequence(let items): return keyPaths(items, prefix: prefix)
        case .leaf: return []
        }
    }

    /// Key paths of a YAML mapping tree.
    static func keyPaths(_ value: Any, prefix: String = "") -> [String] {
        guard let map = value as? [String: Any] else { return [] }
        return map.flatMap { key, child -> [String] in
            let path = prefix.isEmpty ? key : prefix + "." + key
            return [path] + keyPaths(child, prefix: path)
        }
    }

    @Test func personaShowListsEverySchemaKey() throws {
        let schema = Set(Self.keyPaths(Persona.keySchema))
        #expect(
            schema.contains("rationale.confusion") && schema.contains("relevance.pick")
                && schema.contains("preference.both_bad"))
        let folder = URL(fileURLWithPath: Self.root + "/scenarios/personas")
        let names = Persona.available(in: folder)
        #expect(!names.isEmpty)
        for name in names {
            let shown = try Persona.load(named: name, in: folder).withDefaultsFilled
            let text = try shown.yamlText()
            let printed = Set(Self.keyPaths(try Yams.load(yaml: text) as Any))
            #expect(
                schema.subtracting(printed).isEmpty,
                "persona show \(name) omits \(schema.subtracting(printed).sorted())")
            // What `persona show` prints is itself a valid persona that behaves the same.
            let reloaded = try Persona.load(yaml: text, file: "persona show \(name)")
            #expect(reloaded.withDefaultsFilled == shown)
        }
    }
}
