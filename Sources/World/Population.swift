import FlywheelCore
import Foundation
import Yams

/// A mix of personas by weight, from which simulated agents are drawn.
///
/// ```yaml
/// population:
///   - {persona: careful-expert, weight: 0.3}
///   - {persona: rushed, weight: 0.7}
/// ```
/// ```swift
/// let pop = try Population.load(entries: entries, from: URL(fileURLWithPath: "scenarios/personas"))
/// var rng = RandomStream(seed: 42, purpose: "population")
/// let persona = pop.draw(rng: &rng)
/// ```
public struct Population: Sendable, Hashable {
    /// One line of a population: a persona name and its weight (≥ 0).
    public struct Entry: Codable, Sendable, Hashable {
        public var persona: String
        public var weight: Double
        public init(persona: String, weight: Double) {
            self.persona = persona
            self.weight = weight
        }
        enum CodingKeys: String, CodingKey, CaseIterable { case persona, weight }
    }

    public struct Member: Sendable, Hashable {
        public var persona: Persona
        public var weight: Double
    }

    public private(set) var members: [Member]

    /// A population of the given personas and weights. Weights must be finite and ≥ 0 and sum
    /// to a positive number; errors name `file` and the key path under `keyPath`.
    public init(_ members: [(persona: Persona, weight: Double)], file: String? = nil, keyPath: String = "population")
        throws
    {
        try Population.checkWeights(members.map(\.weight), file: file, keyPath: keyPath)
        self.members = members.map { Member(persona: $0.persona, weight: $0.weight) }
    }

    /// Resolves each entry's persona by name in `folder` and checks the weights.
    public static func load(
        entries: [Entry], from folder: URL, file: String? = nil, keyPath: String = "population"
    ) throws -> Population {
        try checkWeights(entries.map(\.weight), file: file, keyPath: keyPath)
        var members: [(persona: Persona, weight: Double)] = []
        for entry in entries {
            members.append((try Persona.load(named: entry.persona, in: folder), entry.weight))
        }
        return try Population(members, file: file, keyPath: keyPath)
    }

    /// Decodes a population file (`population:` list) and resolves its personas in `folder`.
    public static func load(yaml: String, file: String, personas folder: URL) throws -> Population {
        try load(entries: try entries(yaml: yaml, file: file), from: folder, file: file)
    }

    /// Decodes and checks the entries of a population file, without resolving personas.
    public static func entries(yaml: String, file: String) throws -> [Entry] {
        let file_ = try StrictYAML.decode(PopulationFile.self, from: yaml, file: file, keys: PopulationFile.keySchema) {
            f in
            do {
                try checkWeights(f.population.map(\.weight), file: file, keyPath: "population")
                return []
            } catch let error as InputError {
                return [YAMLProblem(keyPath: error.field ?? "population", message: error.message)]
            } catch {
                return [YAMLProblem(keyPath: "population", message: "\(error)")]
            }
        }
        return file_.population
    }

    /// A persona drawn with probability proportional to its weight.
    public func draw(rng: inout RandomStream) -> Persona {
        members[rng.weightedIndex(members.map(\.weight))].persona
    }

    /// `count` agents with ids `agent-001`…, each persona drawn from a stream keyed by
    /// (`seed`, "population", agent index), so adding agents never changes earlier ones.
    public func agents(count: Int, seed: UInt64) -> [SimulatedAgent] {
        (0..<count).map { i in
            var rng = RandomStream(seed: seed, purpose: "population", ids: [UInt64(i)])
            let id = AgentID("agent-" + String(repeating: "0", count: max(0, 3 - String(i + 1).count)) + String(i + 1))
            return SimulatedAgent(id: id, persona: draw(rng: &rng))
        }
    }

    static func checkWeights(_ weights: [Double], file: String?, keyPath: String) throws {
        guard !weights.isEmpty else {
            throw InputError(file: file, field: keyPath, "a population needs at least one persona")
        }
        for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) {
            throw InputError(
                file: file, field: "\(keyPath)[\(i)].weight",
                "\(w) is out of range: a weight must be a finite number ≥ 0")
        }
        let sum = weights.reduce(0, +)
        guard sum > 0 else {
            throw InputError(file: file, field: keyPath, "weights must sum to a positive number; they sum to \(sum)")
        }
    }
}

/// The shape of a population file.
struct PopulationFile: Codable {
    var population: [Population.Entry]
    enum CodingKeys: String, CodingKey, CaseIterable { case population }
    static var keySchema: KeySchema {
        .keys(CodingKeys.self, nested: ["population": .sequence(.keys(Population.Entry.CodingKeys.self))])
    }
}
