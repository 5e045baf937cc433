import ArgumentParser
import Corpora
import WorldGenerator
import FlywheelCore
import Foundation

/// `flywheel corpus generate`: builds a synthetic support world and writes it as a corpus.
struct CorpusGenerate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a synthetic support world (articles + tickets with truth) as a corpus folder.",
        discussion: """
            The world is a pure function of the arguments: the same arguments give byte-identical \
            files (compare the sha256 values in the two manifests). The manifest records the \
            canonical command that made it. The corpus is written into a temporary folder beside \
            --out and renamed into place at the end, so a failure leaves an existing corpus intact.

            Example (the committed default corpus):
              flywheel corpus generate --profile marketplace --seed 42 --articles 1500 \\
                --tickets 40000 --weeks 26 --out corpora/marketplace

            A small world for experiments:
              flywheel corpus generate --seed 7 --articles 300 --tickets 3000 --weeks 8 \\
                --out corpora/small

            Hardness knobs (default: the profile's; every one is recorded in the manifest):
              flywheel corpus generate --twin-share 0.1 --paraphrase-rate 0.5 --typo-rate 0.03 \\
                --vocabulary-gap 0.5 --scope-mention 0.7 --scope-variants 4 --out /tmp/easier
            """
    )

    @Option(help: "World profile: \(SyntheticProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: String = SyntheticWorldConfig.Defaults.profile.rawValue

    @Option(help: "Seed of every random draw.")
    var seed: UInt64 = SyntheticWorldConfig.Defaults.seed

    @Option(help: "Number of knowledge-base articles.")
    var articles: Int = SyntheticWorldConfig.Defaults.articles

    @Option(help: "Number of tickets over the whole stream.")
    var tickets: Int = SyntheticWorldConfig.Defaults.tickets

    @Option(help: "Length of the ticket stream in weeks.")
    var weeks: Int = SyntheticWorldConfig.Defaults.weeks

    @Option(help: "First day of the stream, ISO-8601 UTC (e.g. 2026-01-05 or 2026-01-05T00:00:00Z).")
    var start: String = SyntheticWorldConfig.Defaults.start.iso8601

    @Option(
        help:
            "Share of base policies with a near-duplicate (conflicting) twin, \(SyntheticWorldKnobs.twinShareRange) (default: the profile's)."
    )
    var twinShare: Double?

    @Option(
        help:
            "Share of asked facts worded colloquially, far from the article, \(SyntheticWorldKnobs.paraphraseRateRange) (default: the profile's)."
    )
    var paraphraseRate: Double?

    @Option(
        help:
            "Per-word typo rate in chat tickets (email half, phone a sixth), \(SyntheticWorldKnobs.typoRateRange) (default: the profile's)."
    )
    var typoRate: Double?

    @Option(
        help:
            "Share of region/listing-type mentions in customer words rather than the article's, \(SyntheticWorldKnobs.vocabularyGapRange) (default: the profile's)."
    )
    var vocabularyGap: Double?

    @Option(
        help:
            "Probability that a customer names the region (listing type: 0.9 x), \(SyntheticWorldKnobs.scopeMentionRange) (default: the profile's)."
    )
    var scopeMention: Double?

    @Option(
        help:
            "Articles per policy, one per (region, listing type) scope (48 = every scope), \(SyntheticWorldKnobs.scopeVariantsRange) (default: the profile's)."
    )
    var scopeVariants: Int?

    @Option(
        help:
            "Share of tickets that need two articles, \(SyntheticWorldKnobs.multiIssueShareRange) (default: the profile's)."
    )
    var multiIssueShare: Double?

    @Option(help: "Corpus folder to write, e.g. corpora/NAME.")
    var out: String

    @Option(help: "Corpus name in the manifest (default: the folder's name).")
    var name: String?

    @Flag(help: "Replace an existing corpus in --out.")
    var force = false

    @Option(help: "Threads that make tickets (one more compresses the files); the files do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func config() throws -> SyntheticWorldConfig {
        guard let profile = SyntheticProfile(rawValue: profile) else {
            throw InputError(
                field: "--profile",
                "unknown profile \"\(profile)\"; allowed: \(SyntheticProfile.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let start = Timestamp(iso8601: start) else {
            throw InputError(
                field: "--start", "expected an ISO-8601 UTC time like 2026-01-05T00:00:00Z, got \"\(start)\"")
        }
        var knobs = profile.defaultKnobs
        if let twinShare { knobs.twinShare = twinShare }
        if let paraphraseRate { knobs.paraphraseRate = paraphraseRate }
        if let typoRate { knobs.typoRate = typoRate }
        if let vocabularyGap { knobs.vocabularyGap = vocabularyGap }
        if let scopeMention { knobs.scopeMention = scopeMention }
        if let scopeVariants { knobs.scopeVariants = scopeVariants }
        if let multiIssueShare { knobs.multiIssueShare = multiIssueShare }
        let config = SyntheticWorldConfig(
            profile: profile, seed: seed, articles: articles, tickets: tickets, weeks: weeks, start: start,
            knobs: knobs)
        do {
            try config.validate()
        } catch let e as InputError {
            throw InputError(field: e.field.map { "--" + $0 }, e.message)
        }
        return config
    }

    func run() async throws {
        let config = try config()
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if !force { try SyntheticWorld.checkNoCorpus(at: out) }
        let clock = ContinuousClock()
        let began = clock.now
        print(
            "generating \(config.profile.rawValue) world: \(config.articles) articles, \(config.tickets) tickets over \(config.weeks) weeks from \(config.start.date), seed \(config.seed)"
        )
        let k = config.knobs
        print(
            "  knobs: twin share \(k.twinShare), paraphrase rate \(k.paraphraseRate), typo rate \(k.typoRate), vocabulary gap \(k.vocabularyGap), scope mention \(k.scopeMention), scope variants \(k.scopeVariants), multi-issue share \(k.multiIssueShare)"
        )
        print("  writing \(out) as it is generated (\(jobs) thread\(jobs == 1 ? "" : "s"))")
        // Written into a temporary sibling folder and renamed into place: a failure leaves an
        // existing corpus in --out intact. Name and command are those of --out, not the staging folder.
        let summary = try StagedDirectory.write(to: out) { staging in
            try SyntheticWorld.writeStream(
                config, to: staging, name: name ?? SyntheticWorld.defaultName(for: out),
                command: SyntheticWorld.command(for: config, out: out), threads: jobs)
        }
        let (manifest, stats) = (summary.manifest, summary.statistics)
        print("wrote \(out): \(manifest.counts.articles) articles, \(manifest.counts.tickets) tickets")
        for file in manifest.files.keys.sorted() {
            let entry = manifest.files[file]!
            print("  \(file)  \(entry.bytes) bytes  sha256 \(entry.sha256)")
        }
        func pct(_ x: Double) -> String { String(Int((x * 1000).rounded())).withDecimalPoint }
        print("hardness (no retriever):")
        print("  tickets whose needed article shares < 2 content words with them: \(pct(stats.lowOverlapShare))%")
        print(
            "  … after expansion with words of earlier tickets for that article: \(pct(stats.expandedLowOverlapShare))%"
        )
        print(
            "  articles with a near-duplicate twin (text-based): \(pct(stats.twinShare))%; generated twin pairs cover \(pct(Double(summary.twins) / Double(max(1, manifest.counts.articles))))%"
        )
        print(
            "  multi-issue tickets: \(pct(stats.multiIssueShare))%; tickets with a conflicting twin: \(pct(stats.conflictingShare))%"
        )
        print(
            "  new policies introduced mid-stream: \(pct(stats.newPolicyShare))% of articles; mean nuggets per ticket \(String(Int((stats.meanNuggets * 100).rounded())).withTwoDecimals)"
        )
        print("done in \((clock.now - began).printed)")
    }
}

extension String {
    /// "413" → "41.3" (a per-mille count shown as a percentage with one decimal).
    fileprivate var withDecimalPoint: String {
        let padded = count < 2 ? String(repeating: "0", count: 2 - count) + self : self
        return padded.dropLast() + "." + padded.suffix(1)
    }
    /// "175" → "1.75".
    fileprivate var withTwoDecimals: String {
        let padded = count < 3 ? String(repeating: "0", count: 3 - count) + self : self
        return padded.dropLast(2) + "." + padded.suffix(2)
    }
}
