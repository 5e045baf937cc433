import ArgumentParser
import Foundation
import FlywheelTestSupport

@testable import FlywheelCLI

/// Small generated worlds for end-to-end tests, in a fresh temporary folder each.
enum TinyWorld {
    static let root = Repository.rootPath

    static func temporaryFolder(_ name: String) throws -> String { try TemporaryFolder(name).path }

    /// Generates a marketplace corpus with `articles` articles and `tickets` tickets over `weeks`.
    static func corpus(in folder: String, seed: Int = 11, articles: Int = 100, tickets: Int, weeks: Int) async throws
        -> String
    {
        let out = folder + "/corpus"
        let command = try CorpusGenerate.parse([
            "--profile", "marketplace", "--seed", "\(seed)", "--articles", "\(articles)", "--tickets", "\(tickets)",
            "--weeks", "\(weeks)", "--out", out
        ])
        try await command.run()
        return out
    }

    /// Writes a scenario file whose corpus and personas are absolute paths.
    static func scenario(_ name: String, in folder: String, corpus: String, body: String) throws -> String {
        let path = folder + "/\(name).yaml"
        let text = "version: 1\ncorpus: \(corpus)\npersonas: \(root)/scenarios/personas\n" + body
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs a parsed command, returning its exit status (0, or the ExitCode it threw).
    static func status(_ body: () throws -> Void) rethrows -> Int32 {
        do {
            try body()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        }
    }
}
