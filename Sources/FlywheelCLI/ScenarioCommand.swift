import ArgumentParser
import FlywheelCore
import Foundation
import Scenarios
import World
import Yams

/// `flywheel scenario …`: validate, explain and describe scenario files.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Validate scenarios, print them resolved, print the scenario JSON Schema.",
        discussion: """
            Every key, its default, range and meaning: docs/scenarios.md.

            Examples:
              flywheel scenario validate scenarios/quickstart.yaml
              flywheel scenario explain scenarios/quickstart.yaml --format json
            """,
        subcommands: [Validate.self, Explain.self, Schema.self, Docs.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files strictly, and that their corpus and persona files exist.",
            discussion: """
                Exit 0 when every file is valid; otherwise each error is printed (file, key path, \
                what is allowed) and the exit status is 2. For each valid file it prints the hash of \
                the resolved scenario and (unless --syntax-only) the run key that `flywheel run` \
                stores in run.sqlite: the scenario, its persona files, the corpus and the flywheel \
                version. Results are reused only under the same key (docs/reliability.md).

                Example:
                  flywheel scenario validate scenarios/quickstart.yaml scenarios/ci/*.yaml
                """)

        @Argument(help: "Scenario YAML files.")
        var files: [String]

        @Flag(help: "Only check the file itself, not its corpus and persona files.")
        var syntaxOnly = false

        func run() throws {
            var failed: [InputError] = []
            for file in files {
                do {
                    let scenario = try ScenarioLoader.load(path: file)
                    var identity = "hash \(scenario.runIdentity.resolvedHash)"
                    if !syntaxOnly {
                        try ScenarioCommand.checkReferences(scenario, file: file)
                        // The run key `flywheel run` stores in run.sqlite (runs.run_key).
                        identity +=
                            ", key \(try RunKey(scenario, root: ScenarioPaths.folder(ofFile: file), file: file).value)"
                    }
                    print(
                        "\(file): ok (\(scenario.armNames.count) arms × \(scenario.replicates) replicates, \(identity))"
                    )
                } catch let error as InputError {
                    var standardError = StandardError()
                    for line in error.commandLines { print("error: \(line)", to: &standardError) }
                    failed.append(error)
                }
            }
            if !failed.isEmpty { throw ExitCode(2) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a scenario fully resolved, every default filled in.",
            discussion: """
                Example:
                  flywheel scenario explain scenarios/quickstart.yaml --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

        @Argument(help: "A scenario YAML file.")
        var file: String

        @Option(help: "Output format: yaml or json.")
        var format: Format = .yaml

        func run() throws {
            let scenario = try ScenarioLoader.load(path: file)
            print(try ScenarioCommand.explain(scenario, format: format), terminator: "")
        }
    }

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the scenario JSON Schema (draft 2020-12), for editor completion.",
            discussion: """
                Example (VS Code YAML extension):
                  flywheel scenario schema > .vscode/flywheel-scenario.schema.json
                  # then in a scenario: # yaml-language-server: $schema=../.vscode/flywheel-scenario.schema.json
                """)
        func run() throws { print(ScenarioSchema.jsonSchema(), terminator: "") }
    }

    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print docs/scenarios.md, generated from the spec.", shouldDisplay: false)
        func run() throws { print(ScenarioSchema.markdown(), terminator: "") }
    }

    /// The resolved scenario as YAML or JSON, keys sorted.
    static func explain(_ scenario: Scenario, format: Explain.Format) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(scenario), as: UTF8.self) + "\n"
        case .yaml:
            let tree = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(scenario))
            return "# resolved scenario, hash \(scenario.resolvedHash)\n" + (try Yams.serialize(node: yamlNode(tree)))
        }
    }

    /// A YAML node of a JSON tree, keys sorted, numbers in their shortest round-trip form.
    static func yamlNode(_ value: JSONValue) -> Node {
        switch value {
        case .null: Node("null", Tag(.null))
        case .bool(let b): Node(b ? "true" : "false", Tag(.bool))
        case .int(let i): Node("\(i)", Tag(.int))
        case .double(let d): Node("\(d)", Tag(.float))
        case .string(let s):
            Node(
                s, Tag(.str),
                Double(s) != nil || ["true", "false", "null", "yes", "no", ""].contains(s.lowercased())
                    ? .doubleQuoted : .any)
        case .array(let a): Node(a.map(yamlNode))
        case .object(let o): Node(o.keys.sorted().map { (Node($0), yamlNode(o[$0]!)) })
        }
    }

    /// The corpus folder, the persona folder, every log and every persona file the scenario
    /// names exist and load, resolved against the scenario file's folder (``ScenarioPaths``).
    static func checkReferences(_ scenario: Scenario, file: String) throws {
        let fm = FileManager.default
        let root = ScenarioPaths.folder(ofFile: file)
        try ScenarioAssembly.checkPaths(scenario, root: root, file: file)
        let folder = URL(fileURLWithPath: ScenarioPaths.resolve(scenario.personas, against: root))
        var named = scenario.population.enumerated().map { ("population[\($0.offset)].persona", $0.element.persona) }
        for arm in scenario.armNames {
            if let l = scenario.arms[arm]?.labelling { named.append(("arms.\(arm).labelling.persona", l.persona)) }
        }
        for (field, name) in named {
            do {
                _ = try Persona.load(named: name, in: folder)
            } catch let error as InputError {
                let missing = !fm.fileExists(atPath: folder.appendingPathComponent(name + ".yaml").path)
                // A missing persona file is the scenario's error at its key path; a bad one is the persona file's.
                throw missing ? InputError(file: file, field: field, error.message) : error
            }
        }
    }
}
