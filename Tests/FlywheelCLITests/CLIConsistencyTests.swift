import ArgumentParser
import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import FlywheelCLI

/// One command line: the version, one exit-status table, flags named as flags, examples in every
/// command's help, and help that only points at docs that exist.
@Suite struct CLIConsistencyTests {
    /// Every command users see (hidden benchmark helpers excluded), with its path, e.g. `persona show`.
    static func visibleCommands(
        _ command: any ParsableCommand.Type = Flywheel.self, path: [String] = []
    ) -> [(path: String, type: any ParsableCommand.Type)] {
        command.configuration.subcommands.filter { $0.configuration.shouldDisplay }.flatMap { sub in
            let name = sub.configuration.commandName ?? sub._commandName
            let here = path + [name]
            return [(here.joined(separator: " "), sub)] + visibleCommands(sub, path: here)
        }
    }

    static func help(_ command: any ParsableCommand.Type) -> String {
        Flywheel.helpMessage(for: command, columns: 400)
    }

    @Test func versionIsFlywheelCoresVersion() {
        do {
            _ = try Flywheel.parseAsRoot(["--version"])
            Issue.record("--version parsed as a command")
        } catch {
            #expect(Flywheel.message(for: error) == FlywheelVersion.current)
            #expect(Flywheel.exitCode(for: error) == .success)
        }
    }

    @Test func oneExitStatusTableInTheRootHelpAndTheReadme() throws {
        let rows = ["0   success", "1   an expectation failed", "2   bad input", "64  usage"]
        let help = Self.help(Flywheel.self)
        for row in rows { #expect(help.contains(row), "root --help lacks '\(row)'") }
        let readme = try String(contentsOfFile: Repository.rootPath + "/README.md", encoding: .utf8)
        for status in ["| 0 |", "| 1 |", "| 2 |", "| 64 |"] {
            #expect(readme.contains(status), "README lacks the row \(status)")
        }
        #expect(ExitStatus.usage == ExitCode.validationFailure.rawValue)
    }

    @Test func usageErrorsExit64() {
        for arguments in [
            ["run", "--bogus", "x.yaml"], ["run"], ["run", "x.yaml", "--jobs", "0"],
            ["run", "x.yaml", "--replicates", "0"], ["cadence", "x.yaml", "--cadences", "30m"]
        ] {
            do {
                _ = try Flywheel.parseAsRoot(arguments)
                Issue.record("accepted \(arguments)")
            } catch {
                #expect(Flywheel.exitCode(for: error).rawValue == ExitStatus.usage, "\(arguments)")
            }
        }
    }

    @Test func usageErrorsNameTheFlag() {
        do {
            _ = try Flywheel.parseAsRoot(["cadence", "x.yaml", "--replicates", "0"])
        } catch {
            #expect(Flywheel.message(for: error) == "--replicates must be between 1 and 1000, got 0")
        }
    }

    @Test func badInputAboutAFlagNamesTheFlagNotAField() {
        let flag = InputError(field: "--arm", "'frozen' does not retrain")
        #expect(flag.commandLine == "--arm: 'frozen' does not retrain")
        let key = InputError(file: "s.yaml", field: "arms.aitl.cadence", "a cadence must be at least 1h")
        #expect(key.commandLine == "s.yaml: field \"arms.aitl.cadence\": a cadence must be at least 1h")
    }

    @Test func errorsNeverSendControlCharactersToTheTerminal() {
        let error = InputError(file: "s.yaml", field: "arms.a\u{1B}[2Jb", "unknown key")
        #expect(error.commandLine == "s.yaml: field \"arms.a\\u{1B}[2Jb\": unknown key")
        #expect(TerminalText.line("a\tb\nc\u{7F}\u{202E}") == "a\\u{9}b\\u{A}c\\u{7F}\\u{202E}")
        #expect(TerminalText.lines("row 1\n\trow 2\u{9B}") == "row 1\n\trow 2\\u{9B}")
        #expect(TerminalText.line("recall@75 ≥ 0.5 — ok") == "recall@75 ≥ 0.5 — ok")
    }

    @Test func everyCommandsHelpHasAnExamplesSection() {
        let commands = Self.visibleCommands()
        #expect(commands.count >= 20)
        for (path, type) in commands {
            let lines = Self.help(type).split(separator: "\n", omittingEmptySubsequences: false)
            guard let header = lines.firstIndex(where: { $0.hasPrefix("Example") && $0.hasSuffix(":") }) else {
                Issue.record("`flywheel \(path) --help` has no Examples section")
                continue
            }
            let first = lines.dropFirst(header + 1).first { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            #expect(
                first?.trimmingCharacters(in: .whitespaces).hasPrefix("flywheel ") == true,
                "`flywheel \(path) --help`: examples do not start with a command")
        }
    }

    @Test func everyDocsPathNamedInHelpExists() throws {
        let pattern = try NSRegularExpression(pattern: #"docs/[A-Za-z0-9_./-]*[A-Za-z0-9_]"#)
        var named = Set<String>()
        for (_, type) in [("", Flywheel.self as any ParsableCommand.Type)] + Self.visibleCommands() {
            let text = Self.help(type)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                named.insert(String(text[Range(m.range, in: text)!]))
            }
        }
        #expect(named.contains("docs/checks.md"))
        for path in named.sorted() {
            #expect(
                FileManager.default.fileExists(atPath: Repository.rootPath + "/" + path),
                "--help names \(path), which does not exist")
        }
    }

    @Test func durationsAreRoundedForPeople() {
        #expect(Duration.milliseconds(71).printed == "0.07 s")
        #expect(Duration.milliseconds(12_440).printed == "12.4 s")
        #expect(Duration.seconds(316.4).printed == "316 s")
    }
}
