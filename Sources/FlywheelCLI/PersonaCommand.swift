import ArgumentParser
import FlywheelCore
import Foundation
import World

/// `flywheel persona …`: check persona and population files, print a persona.
struct PersonaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persona",
        abstract: "Validate persona files and show personas.",
        discussion: """
            Personas are versioned YAML files (scenarios/personas/); see docs/world.md for every \
            behaviour they set.

            Examples:
              flywheel persona validate scenarios/personas/*.yaml
              flywheel persona show careful-expert
            """,
        subcommands: [Validate.self, Show.self]
    )

    /// `flywheel persona validate FILE…`
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check persona (or population) YAML files strictly; exit 2 listing every problem of a file with its line, column and key path.",
            discussion: """
                A file with a top-level `population:` key is checked as a population (weights finite, \
                ≥ 0, summing to a positive number); any other file as a persona.

                Examples:
                  flywheel persona validate scenarios/personas/*.yaml
                  flywheel persona validate my-personas/impatient.yaml
                """
        )

        @Argument(help: "Persona or population YAML files.")
        var files: [String]

        func run() throws {
            for file in files {
                let text: String
                do {
                    text = try String(contentsOfFile: file, encoding: .utf8)
                } catch {
                    throw InputError(file: file, "cannot read: \(error.localizedDescription)")
                }
                if text.split(separator: "\n").contains(where: { $0.hasPrefix("population:") }) {
                    let entries = try Population.entries(yaml: text, file: file)
                    print("\(file): ok (population of \(entries.count) personas)")
                } else {
                    let persona = try Persona.load(yaml: text, file: file)
                    print("\(file): ok (\(persona.name) v\(persona.version))")
                }
            }
        }
    }

    /// `flywheel persona show NAME`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a persona from the personas folder, with every default filled in.",
            discussion: """
                Examples:
                  flywheel persona show careful-expert
                  flywheel persona show impatient --dir my-personas
                """
        )

        @Argument(help: "Persona name (the file NAME.yaml in --dir).")
        var name: String

        @Option(help: "Folder of persona files.")
        var dir: String = "scenarios/personas"

        func run() throws {
            let persona = try Persona.load(named: name, in: URL(fileURLWithPath: dir))
            print(try persona.withDefaultsFilled.yamlText())
        }
    }
}
