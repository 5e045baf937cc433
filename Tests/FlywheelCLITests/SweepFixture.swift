import Corpora
import WorldGenerator
import Foundation
import FlywheelTestSupport

/// A tiny generated corpus and a 12-cell sweep over it (3 cadences × 4 participation levels,
/// one aitl arm, 1 replicate, one week of 80 tickets), in a fresh temporary folder.
enum SweepFixture {
    /// Creates the folder with `corpus/`, `base.yaml` and `sweep.yaml`; returns the sweep file.
    static func make(_ label: String) throws -> (folder: String, sweep: String) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("flywheel-\(label)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let world = SyntheticWorld.generate(.init(seed: 3, articles: 60, tickets: 80, weeks: 1))
        _ = try world.write(to: folder + "/corpus")
        let base = """
            corpus: \(folder)/corpus
            personas: \(Repository.personas.path)
            seed: 9
            replicates: 1
            heldout: {share: 0.1, max: 10}
            population: [{persona: careful-expert, weight: 1}]
            arms:
              aitl: {cadence: 7d}
            horizon: 1w

            """
        try base.write(toFile: folder + "/base.yaml", atomically: true, encoding: .utf8)
        let sweep = """
            name: tiny
            base: base.yaml
            parameters:
              arms.aitl.cadence: [2d, 3d, 7d]
              arms.aitl.participation: [0.25, 0.5, 0.75, 1.0]

            """
        try sweep.write(toFile: folder + "/sweep.yaml", atomically: true, encoding: .utf8)
        return (folder, folder + "/sweep.yaml")
    }
}
