import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import WorldTruth

import Corpora
@testable import WorldGenerator

/// Generated worlds on disk: byte-identical when generated twice, readable back value for value,
/// and never silently overwritten.
@Test func generatingTwiceGivesIdenticalBytes() throws {
    let config = SyntheticWorldConfig(seed: 5, articles: 150, tickets: 1200, weeks: 4)
    let dir1 = try TemporaryFolder("gen1"), dir2 = try TemporaryFolder("gen2")
    defer { dir1.cleanUp(); dir2.cleanUp() }
    let m1 = try SyntheticWorld.generate(config).write(to: dir1.path, name: "w", command: "c")
    let m2 = try SyntheticWorld.generate(config).write(to: dir2.path, name: "w", command: "c")
    #expect(m1 == m2)
    #expect(m1.files["tickets.jsonl.zst"]!.sha256 == m2.files["tickets.jsonl.zst"]!.sha256)
    #expect(
        try Data(contentsOf: URL(fileURLWithPath: dir1.file("manifest.json")))
            == Data(contentsOf: URL(fileURLWithPath: dir2.file("manifest.json"))))
}

@Test func generatedCorpusReadsBackValueForValue() throws {
    let world = SyntheticWorld.generate(.init(seed: 3, articles: 60, tickets: 400, weeks: 2))
    let dir = try TemporaryFolder("gen-read")
    defer { dir.cleanUp() }
    let manifest = try world.write(to: dir.path)
    #expect(manifest.counts.articles == 60 && manifest.counts.tickets == 400)
    #expect(manifest.source == "flywheel synthetic world, profile marketplace")
    #expect(
        manifest.command
            == "flywheel corpus generate --profile marketplace --seed 3 --articles 60 --tickets 400 --weeks 2 --twin-share 0.1 --paraphrase-rate 0.45 --typo-rate 0.04 --vocabulary-gap 0.45 --scope-mention 0.85 --scope-variants 48 --multi-issue-share 0.2 --out \(dir.path)"
    )
    let reader = try CorpusReader(directory: dir.path)
    #expect(try reader.articles() == world.articles)
    var stream = try reader.tickets()
    var read: [TicketRecord] = []
    while let r = try stream.next() { read.append(r) }
    #expect(read == world.tickets)
}

@Test func writingRefusesToReplaceACorpusUnlessForced() throws {
    let world = SyntheticWorld.generate(.init(seed: 3, articles: 20, tickets: 30, weeks: 1))
    let dir = try TemporaryFolder("gen-force")
    defer { dir.cleanUp() }
    _ = try world.write(to: dir.path)
    #expect(throws: InputError.self) { try world.write(to: dir.path) }
    #expect(throws: Never.self) { try world.write(to: dir.path, overwrite: true) }
}

@Test func generatedCorpusPassesTheValidator() throws {
    let dir = try TemporaryFolder("gen-valid")
    defer { dir.cleanUp() }
    _ = try SyntheticWorld.generate(.init(seed: 9, articles: 80, tickets: 600, weeks: 3)).write(to: dir.path)
    let report = CorpusValidator(directory: dir.path).validate()
    #expect(report.isValid, "\(report.issues)")
}

@Test func committedDefaultCorpusIsValidAndRecordsItsCommand() throws {
    let dir = Repository.path("corpora/marketplace")
    let report = CorpusValidator(directory: dir).validate()
    #expect(report.isValid, "\(report.issues)")
    #expect(report.counts.articles == 1500 && report.counts.tickets == 40_000)
    let manifest = try CorpusReader(directory: dir).manifest
    #expect(manifest.command == SyntheticWorld.command(for: SyntheticWorldConfig(), out: "corpora/marketplace"))
    #expect(manifest.source == SyntheticWorld.source(of: .marketplace))
}
