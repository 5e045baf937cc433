import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import WorldTruth

import Corpora
@testable import WorldGenerator

/// The generator's hardness knobs: validated ranges naming the option, recorded in the
/// manifest's command, and each one moving what it says it moves.

/// The committed corpora are reproduced byte for byte by the command their manifests record.
@Test(arguments: ["corpora/ci-small", "corpora/marketplace"])
func committedCorpusIsReproducedByItsRecordedCommand(_ corpus: String) throws {
    let manifest = try CorpusReader(directory: Repository.path(corpus)).manifest
    let config = try #require(configFromCommand(manifest.command ?? ""))
    #expect(SyntheticWorld.command(for: config, out: corpus) == manifest.command)
    guard config.tickets <= 5_000 else { return }  // the 40k corpus is checked by `corpus generate` by hand (docs/synthetic-world.md)
    let dir = try TemporaryFolder("regen")
    defer { dir.cleanUp() }
    let regenerated = try SyntheticWorld.generate(config).write(
        to: dir.path, name: manifest.name, command: manifest.command)
    #expect(regenerated.files == manifest.files)
}

/// Parses `flywheel corpus generate --key value …` into a config (nil on anything unexpected).
func configFromCommand(_ command: String) -> SyntheticWorldConfig? {
    let words = command.split(separator: " ").map(String.init)
    guard words.starts(with: ["flywheel", "corpus", "generate"]) else { return nil }
    var c = SyntheticWorldConfig()
    var i = 3
    while i + 1 < words.count {
        let (key, v) = (words[i], words[i + 1])
        switch key {
        case "--profile": guard let p = SyntheticProfile(rawValue: v) else { return nil }; c.profile = p
        case "--seed": c.seed = UInt64(v)!
        case "--articles": c.articles = Int(v)!
        case "--tickets": c.tickets = Int(v)!
        case "--weeks": c.weeks = Int(v)!
        case "--start": c.start = Timestamp(iso8601: v)!
        case "--twin-share": c.knobs.twinShare = Double(v)!
        case "--paraphrase-rate": c.knobs.paraphraseRate = Double(v)!
        case "--typo-rate": c.knobs.typoRate = Double(v)!
        case "--vocabulary-gap": c.knobs.vocabularyGap = Double(v)!
        case "--scope-mention": c.knobs.scopeMention = Double(v)!
        case "--scope-variants": c.knobs.scopeVariants = Int(v)!
        case "--multi-issue-share": c.knobs.multiIssueShare = Double(v)!
        case "--out": break
        default: return nil
        }
        i += 2
    }
    return c
}

@Test func commandSpellsOutEveryKnob() {
    var config = SyntheticWorldConfig(seed: 3, articles: 60, tickets: 400, weeks: 2)
    config.knobs = SyntheticWorldKnobs(
        twinShare: 0.1, paraphraseRate: 0.5, typoRate: 0.02, vocabularyGap: 0.25, scopeMention: 0.8, scopeVariants: 3,
        multiIssueShare: 0.1)
    let command = SyntheticWorld.command(for: config, out: "x")
    #expect(
        command
            == "flywheel corpus generate --profile marketplace --seed 3 --articles 60 --tickets 400 --weeks 2 --twin-share 0.1 --paraphrase-rate 0.5 --typo-rate 0.02 --vocabulary-gap 0.25 --scope-mention 0.8 --scope-variants 3 --multi-issue-share 0.1 --out x"
    )
    #expect(configFromCommand(command) == config)
}

@Test func knobsOutOfRangeNameTheOption() {
    let d = SyntheticProfile.marketplace.defaultKnobs
    let cases: [(SyntheticWorldKnobs, String)] = [
        (
            {
                var k = d; k.twinShare = 1.5; return k
            }(), "twin-share"
        ),
        (
            {
                var k = d; k.paraphraseRate = -0.1; return k
            }(), "paraphrase-rate"
        ),
        (
            {
                var k = d; k.typoRate = 0.5; return k
            }(), "typo-rate"
        ),
        (
            {
                var k = d; k.vocabularyGap = .nan; return k
            }(), "vocabulary-gap"
        ),
        (
            {
                var k = d; k.scopeMention = 2; return k
            }(), "scope-mention"
        ),
        (
            {
                var k = d; k.scopeVariants = 0; return k
            }(), "scope-variants"
        ),
        (
            {
                var k = d; k.scopeVariants = 49; return k
            }(), "scope-variants"
        ),
        (
            {
                var k = d; k.multiIssueShare = -0.5; return k
            }(), "multi-issue-share"
        )
    ]
    for (knobs, field) in cases {
        do {
            try SyntheticWorldConfig(knobs: knobs).validate()
            Issue.record("\(field): no error")
        } catch let e as InputError {
            #expect(e.field == field, "\(e)")
        } catch {
            Issue.record("\(error)")
        }
    }
    #expect(throws: Never.self) { try SyntheticWorldConfig().validate() }
}

@Test func knobsDecodeWithProfileDefaults() throws {
    let some = try JSONDecoder().decode(
        SyntheticWorldConfig.self, from: Data(#"{"seed": 7, "twin_share": 0.1, "scope_variants": 4}"#.utf8))
    #expect(some.knobs.twinShare == 0.1 && some.knobs.scopeVariants == 4)
    #expect(some.knobs.paraphraseRate == SyntheticProfile.marketplace.defaultKnobs.paraphraseRate)
    let back = try JSONDecoder().decode(SyntheticWorldConfig.self, from: JSONEncoder().encode(some))
    #expect(back == some)
}

private func world(_ edit: (inout SyntheticWorldKnobs) -> Void) -> SyntheticWorld {
    var config = SyntheticWorldConfig(seed: 11, articles: 280, tickets: 2000, weeks: 6)
    edit(&config.knobs)
    return SyntheticWorld.generate(config)
}

@Test func twinShareSetsHowManyArticlesHaveATwin() {
    #expect(world { $0.twinShare = 0 }.twins.isEmpty)
    let half = world { $0.twinShare = 0.5 }
    let share = Double(half.twins.count) / Double(half.articles.count)
    #expect((0.55...0.78).contains(share), "\(share)")  // 2p/(1+p) = 0.67
}

@Test func scopeVariantsPublishEachPolicyInSeveralScopes() {
    var config = SyntheticWorldConfig(seed: 11, articles: 280, tickets: 2000, weeks: 6)
    config.knobs.scopeVariants = 4
    let planned = SyntheticWorld.planArticles(config)
    #expect(planned.count == 280)
    // Policies equal up to their scope come in groups of 4 (one group per base, plus its twin's
    // scope when the twin differs in region or listing type); every scope within a group differs.
    var groups: [SyntheticPolicy: [[Int]]] = [:]
    for (i, p) in planned.enumerated() where p.twinKind != .timing || p.twin! > i {
        var key = p.policy
        key.region = 0
        key.listing = 0
        groups[key, default: []].append([p.policy.region, p.policy.listing])
    }
    let sizes = groups.values.map(\.count)
    #expect(Double(sizes.filter { $0 >= 4 }.count) / Double(sizes.count) > 0.9, "\(sizes.sorted().prefix(8))")
    #expect(groups.values.allSatisfy { Set($0).count == $0.count })
    // Every scope: one policy per base in up to 48 scopes, never two articles for one scope.
    var all = SyntheticWorldConfig(seed: 11, articles: 1400, tickets: 10, weeks: 1)
    all.knobs.scopeVariants = 48
    let every = SyntheticWorld.planArticles(all)
    #expect(every.count == 1400)
    let family = every.prefix { $0.policy.topic == every[0].policy.topic }.enumerated()
        .filter { i, p in p.twinKind != .timing || p.twin! > i }.map(\.1)  // timing twins share their partner's scope
    #expect(family.count == 48)
    #expect(Set(family.map { [$0.policy.region, $0.policy.listing] }).count == 48)
    // Small worlds cap the variants at articles / topics, so every topic keeps a policy.
    var small = SyntheticWorldConfig(seed: 7, articles: 300, tickets: 10, weeks: 1)
    small.knobs.scopeVariants = 48
    #expect(
        Set(SyntheticWorld.generate(small).articles.compactMap(\.topic)).count
            == SyntheticWorld.topics(of: .marketplace).count)
    // Variants are not twins: a ticket's conflicting articles are its needed articles' twins only.
    let w = SyntheticWorld.generate(config)
    let twins = Set(w.twins.keys)
    #expect(w.tickets.allSatisfy { $0.truth.conflicting.allSatisfy(twins.contains) })
}

@Test func paraphraseTypoAndVocabularyKnobsChangeTheCustomerText() {
    let base = world {
        $0.paraphraseRate = 1; $0.vocabularyGap = 1; $0.scopeMention = 1
    }
    let plain = world {
        $0.paraphraseRate = 0; $0.typoRate = 0; $0.vocabularyGap = 0; $0.scopeMention = 1
    }
    let formal = ["the United Kingdom", "the United States", "entire home", "private room", "serviced apartment"]
    func share(_ w: SyntheticWorld, _ p: (String) -> Bool) -> Double {
        Double(w.tickets.filter { p($0.ticket.text) }.count) / Double(w.tickets.count)
    }
    let formalPlain = share(plain) { t in formal.contains { t.contains($0) } }
    let formalBase = share(base) { t in formal.contains { t.contains($0) } }
    #expect(formalBase == 0 && formalPlain > 0.3, "\(formalBase) \(formalPlain)")
    let low = SyntheticWorldStatistics(plain).lowOverlapShare, high = SyntheticWorldStatistics(base).lowOverlapShare
    #expect(low < high - 0.1, "low overlap \(low) vs \(high)")
    // The same world (needs, nuggets) whatever the wording knobs.
    #expect(plain.tickets.map(\.truth) == base.tickets.map(\.truth))
}

@Test func multiIssueShareSetsTheShareOfTwoArticleTickets() {
    let none = SyntheticWorldStatistics(world { $0.multiIssueShare = 0 }).multiIssueShare
    let half = SyntheticWorldStatistics(world { $0.multiIssueShare = 0.5 }).multiIssueShare
    #expect(none == 0)
    #expect((0.44...0.56).contains(half), "\(half)")
}

@Test func typoRateZeroLeavesNoTypos() {
    let clean = world { $0.typoRate = 0 }, typos = world { $0.typoRate = 0.3 }
    let diff = zip(clean.tickets, typos.tickets).filter { $0.ticket.text != $1.ticket.text }.count
    #expect(Double(diff) / Double(clean.tickets.count) > 0.6)
}

@Test(
    .enabled(
        if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary (built by `swift build`/`swift test`)"),
    arguments: [
        ("--twin-share", "1.5"), ("--paraphrase-rate", "1.5"), ("--typo-rate", "0.9"),
        ("--vocabulary-gap", "2"), ("--scope-mention", "1.01"), ("--scope-variants", "0"),
        ("--multi-issue-share", "1.2")
    ])
func corpusGenerateRejectsAKnobOutOfRange(_ option: String, _ value: String) throws {
    let dir = try TemporaryFolder("knob")
    defer { dir.cleanUp() }
    let (status, _, stderr) = try ProcessRunner.run(
        BuiltExecutable.flywheel!,
        [
            "corpus", "generate", "--articles", "20", "--tickets", "10", "--weeks", "1", option, value, "--out",
            dir.path + "/w"
        ])
    #expect(status == 2)
    #expect(stderr.contains(option), "got: \(stderr)")
}
