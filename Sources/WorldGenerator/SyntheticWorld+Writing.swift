import Corpora
import FlywheelCore
import Foundation

extension SyntheticWorld {
    /// The manifest `source` of a generated corpus.
    public static func source(of profile: SyntheticProfile) -> String {
        "flywheel synthetic world, profile \(profile.rawValue)"
    }
    public static let license = "CC0-1.0 (generated)"

    /// The canonical command line that generates `config` into `directory`; it is recorded in
    /// the manifest whatever spelling the user typed. Every hardness knob is spelled out, so the
    /// command still gives the same world after a profile's defaults change.
    public static func command(for config: SyntheticWorldConfig, out directory: String) -> String {
        let k = config.knobs
        var parts = [
            "flywheel corpus generate", "--profile \(config.profile.rawValue)", "--seed \(config.seed)",
            "--articles \(config.articles)", "--tickets \(config.tickets)", "--weeks \(config.weeks)",
            "--twin-share \(k.twinShare)", "--paraphrase-rate \(k.paraphraseRate)", "--typo-rate \(k.typoRate)",
            "--vocabulary-gap \(k.vocabularyGap)", "--scope-mention \(k.scopeMention)",
            "--scope-variants \(k.scopeVariants)", "--multi-issue-share \(k.multiIssueShare)"
        ]
        if config.start != SyntheticWorldConfig.Defaults.start { parts.append("--start \(config.start)") }
        parts.append("--out \(directory)")
        return parts.joined(separator: " ")
    }

    /// Writes the world as a corpus folder and returns its manifest. Articles are written in
    /// id order and tickets in time order, so the same world gives the same bytes.
    ///
    /// Refuses (with an ``InputError`` naming the folder) to replace an existing corpus unless
    /// `overwrite` is true; a folder counts as a corpus if it holds a manifest or a data file.
    public func write(
        to directory: String, name: String? = nil, command: String? = nil, overwrite: Bool = false
    ) throws -> Manifest {
        if !overwrite { try Self.checkNoCorpus(at: directory) }
        let corpusName = name ?? Self.defaultName(for: directory)
        var writer = try CorpusWriter(
            directory: directory, name: corpusName, source: Self.source(of: config.profile), license: Self.license,
            command: command ?? Self.command(for: config, out: directory))
        for article in articles { try writer.write(article) }
        for record in tickets { try writer.write(record) }
        return try writer.finish()
    }

    /// Throws an ``InputError`` naming the file when `directory` already holds a corpus (a
    /// manifest or a data file).
    public static func checkNoCorpus(at directory: String) throws {
        let present = ([Manifest.fileName] + CorpusFile.allCases.map(\.fileName))
            .filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0)) }
        if let first = present.first {
            throw InputError(
                file: directory.appendingPathComponent(first),
                "a corpus already exists in \(directory); pass --force to overwrite it")
        }
    }

    /// The folder's last path component (`corpora/marketplace` → `marketplace`).
    public static func defaultName(for directory: String) -> String {
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return trimmed.split(separator: "/").last.map(String.init) ?? "corpus"
    }
}
