import FlywheelCore
import World

/// A sweep file: a base scenario and the parameters to vary, as a full grid or a seeded random
/// sample of the grid's cells (docs/sweeps.md).
///
/// ```yaml
/// version: 1
/// base: ../quickstart.yaml            # relative to the sweep file's folder
/// mode: grid                          # or: random, with samples and seed
/// set: {replicates: 2}                # applied to every cell
/// parameters:                         # key path in the scenario: the values it takes
///   arms.aitl.cadence: [3d, 7d, 14d]
///   arms.aitl.participation: [0.25, 0.5, 1.0]
///   population[0].weight: [0.1, 0.9]
/// ```
public struct SweepSpec: Codable, Sendable, Hashable {
    public enum Mode: String, ClosedVocabulary { case grid, random }

    public var version = 1
    /// The sweep's name (default: the sweep file's name); results go to `results/NAME/`.
    public var name: String?
    /// The base scenario file, relative to the sweep file's folder.
    public var base = ""
    public var mode = Mode.grid
    /// Cells drawn (without repetition) from the grid in `random` mode.
    public var samples: Int?
    /// Seed of the random sample.
    public var seed: UInt64 = 1
    /// Values applied to every cell, by key path, before the swept ones. A relative path set
    /// here or swept (`corpus`, `personas`, `arms.<arm>.log`) is relative to the sweep file's
    /// folder, like `base` (``ScenarioPaths``).
    public var set: [String: JSONValue] = [:]
    /// The swept parameters: key path → the values it takes.
    public var parameters: [String: [JSONValue]] = [:]

    public init() {}

    static let maxCells = 100_000

    enum CodingKeys: String, CodingKey, CaseIterable { case version, name, base, mode, samples, seed, set, parameters }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SweepSpec()
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? d.version
        try decoder.require(version, in: 1...1, "version")
        name = try c.decodeIfPresent(String.self, forKey: .name)
        if let name, name.isEmpty || name.contains("/") {
            try decoder.report(path: ["name"], message: "a sweep name must be non-empty and contain no '/'")
        }
        base = try c.decode(String.self, forKey: .base)
        mode = try c.decodeIfPresent(Mode.self, forKey: .mode) ?? d.mode
        samples = try c.decodeIfPresent(Int.self, forKey: .samples)
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        set = try c.decodeIfPresent([String: JSONValue].self, forKey: .set) ?? [:]
        parameters = try c.decodeIfPresent([String: [JSONValue]].self, forKey: .parameters) ?? [:]
        if parameters.isEmpty {
            try decoder.report(path: ["parameters"], message: "a sweep needs at least one parameter to vary")
        }
        for (path, values) in parameters.sorted(by: { $0.key < $1.key }) where values.isEmpty {
            try decoder.report(path: ["parameters", path], message: "the list of values is empty")
        }
        for path in parameters.keys.sorted() where set[path] != nil {
            try decoder.report(path: ["set", path], message: "is also a swept parameter; keep it in one place")
        }
        switch mode {
        case .grid:
            if samples != nil {
                try decoder.report(path: ["samples"], message: "only a random sweep takes samples; add 'mode: random'")
            }
        case .random:
            if let samples {
                try decoder.require(samples, in: 1...SweepSpec.maxCells, "samples")
            } else {
                try decoder.report(path: ["samples"], message: "a random sweep needs 'samples' (the number of cells)")
            }
        }
        let size = gridSize
        if size > SweepSpec.maxCells && mode == .grid {
            try decoder.report(
                path: ["parameters"],
                message: "the grid has \(size) cells; at most \(SweepSpec.maxCells) (use mode: random)")
        }
        if mode == .random, let samples, samples > size {
            try decoder.report(
                path: ["samples"], message: "\(samples) samples but the grid has only \(size) distinct cells")
        }
    }

    /// Swept key paths in a stable order (sorted).
    public var parameterPaths: [String] { parameters.keys.sorted() }

    /// Number of cells of the full grid (saturating).
    public var gridSize: Int {
        parameters.values.reduce(1) { acc, values in
            let (product, overflow) = acc.multipliedReportingOverflow(by: values.count)
            return overflow ? Int.max : product
        }
    }
}
