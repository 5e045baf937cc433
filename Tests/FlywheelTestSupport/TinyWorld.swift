import Foundation

/// Small generated worlds for end-to-end tests, in a fresh temporary folder each. The corpus
/// comes from the built `flywheel corpus generate`, as a user would make it.
package enum TinyWorld {
    package static let root = Repository.rootPath

    package static func temporaryFolder(_ name: String) throws -> String { try TemporaryFolder(name).path }

    /// Generates a marketplace corpus with `articles` articles and `tickets` tickets over `weeks`.
    package static func corpus(in folder: String, seed: Int = 11, articles: Int = 100, tickets: Int, weeks: Int)
        async throws -> String
    {
        let out = folder + "/corpus"
        guard let flywheel = BuiltExecutable.flywheel else {
            throw TinyWorldError("no built `flywheel` executable to generate the corpus (run `swift build`)")
        }
        let result = try ProcessRunner.run(
            flywheel,
            [
                "corpus", "generate", "--profile", "marketplace", "--seed", "\(seed)", "--articles", "\(articles)",
                "--tickets", "\(tickets)", "--weeks", "\(weeks)", "--out", out
            ])
        guard result.status == 0 else {
            throw TinyWorldError("flywheel corpus generate exited \(result.status): \(result.stderr)")
        }
        return out
    }

    /// Writes a scenario file whose corpus and personas are absolute paths.
    package static func scenario(_ name: String, in folder: String, corpus: String, body: String) throws -> String {
        let path = folder + "/\(name).yaml"
        let text = "version: 1\ncorpus: \(corpus)\npersonas: \(root)/scenarios/personas\n" + body
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs a parsed command, returning its exit status (0, or the exit code it threw: the
    /// argument parser's `ExitCode`, which is `RawRepresentable` as an `Int32`).
    package static func status(_ body: () throws -> Void) rethrows -> Int32 {
        do {
            try body()
            return 0
        } catch let code as any RawRepresentable<Int32> {
            return code.rawValue
        }
    }
}

/// Why a tiny world could not be made.
package struct TinyWorldError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
