import FlywheelCore
import Foundation
import FlywheelTestSupport
import Scenarios
import Testing

@testable import FlywheelCLI

/// Run keys that share ``RunKey/PersonaDigests`` (a sweep's cells) decode each persona file once,
/// yet a key still follows the files' content: an edited persona is decoded again and named.
@Suite(.serialized) struct PersonaDigestsTests {
    @Test func sharedDigestsDecodeEachFileOnceAndStillFollowItsContent() throws {
        let f = try ReliabilityFixture("key-digests")
        defer { f.cleanUp() }
        let file = try f.scenario()
        let scenario = try ScenarioLoader.load(path: file)
        let root = ScenarioPaths.folder(ofFile: file)
        let digests = RunKey.PersonaDigests()
        let keys = try (0..<5).map { _ in try RunKey(scenario, root: root, file: file, personas: digests) }
        #expect(Set(keys).count == 1)
        #expect(digests.decoded == 2)  // careful-expert and rushed, once each
        #expect(keys[0] == (try RunKey(file: file)))  // as a key with digests of its own

        // A value edited: decoded again, and the key names the persona.
        try f.editPersona("rushed", "threshold: 0.5", "threshold: 0.55")
        let edited = try RunKey(scenario, root: root, file: file, personas: digests)
        #expect(edited.changes(since: keys[0]) == ["persona rushed"])
        #expect(edited == (try RunKey(file: file)))
        #expect(digests.decoded == 3)

        // Back to the first text: the remembered digest, the first key.
        try f.editPersona("rushed", "threshold: 0.55", "threshold: 0.5")
        #expect(try RunKey(scenario, root: root, file: file, personas: digests) == keys[0])
        #expect(digests.decoded == 3)
    }

    @Test func aSweepRefusesItsCellsOnceAPersonaTheyShareIsEdited() throws {
        let (folder, sweep) = try SweepFixture.make("key-sweep-persona")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let personas = folder + "/personas"
        try FileManager.default.createDirectory(atPath: personas, withIntermediateDirectories: true)
        let persona = personas + "/careful-expert.yaml"
        try FileManager.default.copyItem(
            atPath: Repository.rootPath + "/scenarios/personas/careful-expert.yaml", toPath: persona)
        let base = folder + "/base.yaml"
        let text = try String(contentsOfFile: base, encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("personas: ") })
        try text.replacingOccurrences(of: line, with: "personas: personas")
            .write(toFile: base, atomically: true, encoding: .utf8)

        let out = folder + "/out"
        #expect(try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run().computed == 12)
        #expect(try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run().skipped == 12)

        let original = try String(contentsOfFile: persona, encoding: .utf8)
        try original.replacingOccurrences(of: "threshold: 0.65", with: "threshold: 0.6")
            .write(toFile: persona, atomically: true, encoding: .utf8)
        let refused = try #require(throws: InputError.self) {
            try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run()
        }
        #expect(refused.message.hasPrefix("cell 0 ("))
        #expect(
            refused.message.hasSuffix(
                "cannot be reused: changed since they were made: persona careful-expert; pass --force to recompute it"))

        // The first content again: every cell reused.
        try original.write(toFile: persona, atomically: true, encoding: .utf8)
        #expect(try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run().skipped == 12)
    }
}
