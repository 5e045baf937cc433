import FlywheelCore
import Foundation
import World
import Yams

/// A loaded sweep: its cells, each the base scenario with the cell's values applied and decoded
/// strictly, keyed by the hash of the resolved scenario.
///
/// ```swift
/// let sweep = try Sweep.load(path: "scenarios/sweeps/cadence.yaml")
/// for cell in sweep.cells(shard: Shard(index: 0, count: 4)) { … cell.scenario, cell.hash … }
/// ```
public struct Sweep: Sendable {
    /// One cell: its position in the sweep, the swept values and the resolved scenario.
    public struct Cell: Sendable, Hashable {
        public var index: Int
        /// Swept key path → value, in ``Sweep/parameterPaths`` order.
        public var values: [String: JSONValue]
        public var scenario: Scenario
        /// ``Scenario/resolvedHash`` of the cell's scenario.
        public var hash: String
    }

    public var name: String
    public var spec: SweepSpec
    /// The base scenario's file (absolute).
    public var basePath: String
    /// The folder every cell's relative paths resolve against: the base scenario file's
    /// (``ScenarioPaths``); paths the sweep file sets are rebased there when it is loaded.
    public var root: String { ScenarioPaths.folder(ofFile: basePath) }
    public var parameterPaths: [String] { spec.parameterPaths }
    public var cells: [Cell]

    /// The cells of one shard: cells whose index ≡ shard.index (mod shard.count).
    public func cells(shard: Shard) -> [Cell] { cells.filter { $0.index % shard.count == shard.index } }

    /// Loads the sweep at `path`, its base scenario, and every cell; any problem is an
    /// ``InputError`` naming the file and key path (a cell's bad value names the cell too).
    /// `width`: threads the cells are decoded on (the cells and errors do not depend on it).
    public static func load(path: String, width: Int = 1) throws -> Sweep {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, "cannot read the sweep file (missing or unreadable)")
        }
        let text = try BoundedYAML.read(path: path, what: "sweep file")
        let root = try BoundedYAML.compose(text, file: path)
        let spec = try StrictYAML.decode(SweepSpec.self, root: root, file: path)
        let basePath = ScenarioPaths.resolve(spec.base, against: ScenarioPaths.folder(ofFile: path))
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw StrictYAML.inputError(
                [YAMLProblem(path: ["base"], message: "no scenario file at '\(basePath)'")], root: root, file: path)
        }
        let base = try ScenarioLoader.load(path: basePath)
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        do {
            return try expand(
                spec, base: base, basePath: basePath, name: spec.name ?? fileName, file: path, width: width)
        } catch let error as InputError where error.file == path {
            throw located(error, spec: spec, root: root)
        }
    }

    /// Decodes sweep YAML `text`; `file` only names the source in errors. Every problem of the
    /// file is listed (``StrictYAML``).
    public static func decodeSpec(_ text: String, file: String = "<sweep>") throws -> SweepSpec {
        try StrictYAML.decode(SweepSpec.self, from: text, file: file)
    }

    /// `error` (and those it lists) at the line and column of the sweep file's entry it comes
    /// from: `set.KEY` or `parameters.KEY` itself, or, for a cell's problem at a scenario key
    /// path, the swept or set key path it lies within.
    static func located(_ error: InputError, spec: SweepSpec, root: Node) -> InputError {
        func path(of field: String?) -> [String] {
            guard let field else { return [] }
            for section in ["set", "parameters"] where field.hasPrefix(section + ".") {
                return [section, String(field.dropFirst(section.count + 1))]
            }
            let cell = YAMLProblem(keyPath: field, message: "")
            if let swept = spec.parameterPaths.first(where: { cell.lies(within: YAMLProblem(keyPath: $0, message: "")) }
            ) {
                return ["parameters", swept]
            }
            if let set = spec.set.keys.sorted().first(where: {
                cell.lies(within: YAMLProblem(keyPath: $0, message: ""))
            }) {
                return ["set", set]
            }
            return [field == "parameters" ? "parameters" : ""]
        }
        let problems = error.all.map { YAMLProblem(path: path(of: $0.field), message: $0.message) }
        var out = StrictYAML.inputError(problems, root: root, file: error.file ?? "")
        let fields = error.all.map(\.field)
        out.field = fields[0]
        out.more = zip(out.more, fields.dropFirst()).map { e, f in
            var e = e
            e.field = f
            return e
        }
        return out
    }

    /// The cells of `spec` over `base`. A relative path the sweep sets (`corpus`, `personas`,
    /// `arms.<arm>.log`) names a path from the sweep file `file`'s folder; it is rebased to the
    /// base scenario's folder, which cells resolve against. The cells are decoded on `width`
    /// threads; a problem is the first cell's in index order, whatever the width.
    public static func expand(
        _ spec: SweepSpec, base: Scenario, basePath: String, name: String, file: String, width: Int = 1
    ) throws -> Sweep {
        let from = ScenarioPaths.folder(ofFile: file), to = ScenarioPaths.folder(ofFile: basePath)
        func rebased(_ value: JSONValue, _ path: SweepKeyPath) -> JSONValue {
            rebasingPaths(value, at: path, from: from, to: to)
        }
        var tree = JSONValue(encoding: base)
        var paths: [String: SweepKeyPath] = [:]
        for (key, value) in spec.set.sorted(by: { $0.key < $1.key }) {
            guard let path = SweepKeyPath(key) else {
                throw InputError(
                    file: file, field: "set." + key, "not a key path like 'arms.aitl.cadence' or 'population[0].weight'"
                )
            }
            do { try path.set(rebased(value, path), in: &tree) } catch {
                throw InputError(file: file, field: "set." + key, error.message)
            }
        }
        for key in spec.parameterPaths {
            guard let path = SweepKeyPath(key) else {
                throw InputError(
                    file: file, field: "parameters." + key,
                    "not a key path like 'arms.aitl.cadence' or 'population[0].weight'")
            }
            var probe = tree
            do { try path.set(spec.parameters[key]![0], in: &probe) } catch {
                throw InputError(file: file, field: "parameters." + key, error.message)
            }
            paths[key] = path
        }
        let choices = choices(spec)
        let decoded = WorkPool.orderedMap(count: choices.count, width: width, chunk: 1) { i in
            Result { () throws -> (cell: Cell, label: String) in
                var cellTree = tree
                var values: [String: JSONValue] = [:]
                for (key, v) in zip(spec.parameterPaths, choices[i]) {
                    let value = spec.parameters[key]![v]
                    values[key] = value
                    try? paths[key]!.set(rebased(value, paths[key]!), in: &cellTree)  // probed above: cannot fail
                }
                let label = spec.parameterPaths.map { "\($0)=\(values[$0]!.plainText)" }.joined(separator: ", ")
                let scenario = try decodeCell(cellTree, file: file, label: "cell \(i) (\(label))")
                return (Cell(index: i, values: values, scenario: scenario, hash: scenario.resolvedHash), label)
            }
        }
        var cells: [Cell] = []
        var seen: [String: Int] = [:]
        for (i, outcome) in decoded.enumerated() {
            let (cell, label) = try outcome.get()
            let hash = cell.hash
            if let other = seen[hash] {
                throw InputError(
                    file: file, field: "parameters",
                    "cells \(other) and \(i) (\(label)) resolve to the same scenario; remove the duplicate value")
            }
            seen[hash] = i
            cells.append(cell)
        }
        return Sweep(name: name, spec: spec, basePath: basePath, cells: cells)
    }

    /// Index choices per parameter for each cell: the grid in row-major order (last parameter
    /// fastest), or `samples` distinct grid cells drawn with a keyed stream.
    static func choices(_ spec: SweepSpec) -> [[Int]] {
        let counts = spec.parameterPaths.map { spec.parameters[$0]!.count }
        func decode(_ flat: Int) -> [Int] {
            var rest = flat
            var out = [Int](repeating: 0, count: counts.count)
            for j in counts.indices.reversed() {
                out[j] = rest % counts[j]
                rest /= counts[j]
            }
            return out
        }
        switch spec.mode {
        case .grid:
            return (0..<spec.gridSize).map(decode)
        case .random:
            var picked: [[Int]] = []
            var seen = Set<[Int]>()
            var draw: UInt64 = 0
            while picked.count < (spec.samples ?? 0) {
                var rng = RandomStream(seed: spec.seed, purpose: "sweep-sample", ids: [draw])
                draw += 1
                let c = counts.map { rng.int(below: $0) }
                if seen.insert(c).inserted { picked.append(c) }
            }
            return picked
        }
    }

    /// Decodes one cell's tree strictly, listing every problem of the scenario, each prefixed
    /// by the cell.
    static func decodeCell(_ tree: JSONValue, file: String, label: String) throws -> Scenario {
        let data = (try? JSONEncoder().encode(tree)) ?? Data()
        let problems = YAMLProblems()
        let scenario = StrictYAML.collecting(into: problems) { problems in
            let decoder = JSONDecoder()
            decoder.userInfo[YAMLProblems.key] = problems
            return try decoder.decode(Scenario.self, from: data)
        }
        guard problems.list.isEmpty, let scenario else {
            let labelled = problems.list.map {
                YAMLProblem(path: $0.path, message: "\(label): \($0.message)", anchor: $0.anchor)
            }
            throw StrictYAML.inputError(labelled, root: nil, file: file)
        }
        return scenario
    }
}
