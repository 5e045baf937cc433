import FlywheelTestSupport
import FlywheelCore
import Foundation
import Testing

import Corpora
@testable import WorldGenerator

/// The streamed generator (`flywheel corpus generate`): the same files as generating the whole
/// world and writing it, whatever the thread count, with the same statistics, while holding
/// one chunk of tickets at a time.
@Test func streamedWorldHasTheBytesOfTheWholeWorldForAnyThreadCount() throws {
    // more tickets than one chunk, so chunk boundaries are crossed
    let config = SyntheticWorldConfig(seed: 5, articles: 120, tickets: SyntheticWorld.streamChunk + 700, weeks: 3)
    let whole = try TemporaryFolder("stream-whole"), one = try TemporaryFolder("stream-1"),
        three = try TemporaryFolder("stream-3")
    defer { whole.cleanUp(); one.cleanUp(); three.cleanUp() }
    let world = SyntheticWorld.generate(config)
    let expected = try world.write(to: whole.path, name: "w", command: "c", overwrite: true)
    let single = try SyntheticWorld.writeStream(config, to: one.path, name: "w", command: "c", threads: 1)
    let threaded = try SyntheticWorld.writeStream(config, to: three.path, name: "w", command: "c", threads: 3)
    #expect(single.manifest == expected)
    #expect(threaded.manifest == expected)
    for file in ["manifest.json", "articles.jsonl.zst", "tickets.jsonl.zst"] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: whole.file(file)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: one.file(file))) == bytes, "\(file)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: three.file(file))) == bytes, "\(file)")
    }
    #expect(single.statistics == SyntheticWorldStatistics(world))
    #expect(threaded.statistics == single.statistics)
    #expect(single.twins == world.twins.count)
}

/// `corpus inspect`'s distributions from value counts equal those from the list of values.
@Test func distributionFromCountsEqualsDistributionFromValues() {
    for values in [[], [4], [3, 1, 3], [0, 9, 2, 2, 7, 1, 1, 5, 30, 2, 6]] {
        var counts = Distribution.Counts()
        for v in values { counts.add(v) }
        #expect(Distribution(counts) == Distribution(values), "\(values)")
    }
}
