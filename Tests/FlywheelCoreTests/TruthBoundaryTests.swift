import Foundation
import Testing

/// The truth boundary, checked on the package's own target graph: the system under test —
/// Retrieval, Generation, ProcessStages, the LLM generator (`LLM`; its judge is `LLMJudging`) — has no path of target dependencies to `WorldTruth`
/// (`TicketTruth`, corpus records, judging against the truth), so none of their files can
/// `import WorldTruth`: the compiler refuses. Adding such a dependency to Package.swift fails
/// this test. The graph comes from `swift package dump-package` (about a second; skipped with a
/// message when no `swift` is on PATH).
struct TruthBoundaryTests {
    static let truthModule = "WorldTruth"
    static let systemUnderTest = ["Retrieval", "Generation", "ProcessStages", "LLM"]

    @Test func theSystemUnderTestCannotReachTheTruth() throws {
        guard let graph = try Self.packageGraph() else { return }
        #expect(graph[Self.truthModule] != nil, "Package.swift declares no \(Self.truthModule) target")
        for target in Self.systemUnderTest {
            #expect(graph[target] != nil, "Package.swift declares no \(target) target")
            let path = Self.path(from: target, to: Self.truthModule, in: graph)
            #expect(path == nil, "\(target) reaches the truth: \(path?.joined(separator: " → ") ?? "")")
        }
    }

    /// The search itself, on a graph small enough to read: it finds an indirect path and reports
    /// it, and does not invent one.
    @Test func thePathSearchFindsIndirectDependencies() {
        let graph = [
            "Retrieval": ["Core", "Corpora"], "Corpora": ["Core", "WorldTruth"], "WorldTruth": ["Core"], "Core": []
        ]
        #expect(Self.path(from: "Retrieval", to: "WorldTruth", in: graph) == ["Retrieval", "Corpora", "WorldTruth"])
        #expect(Self.path(from: "Core", to: "WorldTruth", in: graph) == nil)
    }

    /// A shortest dependency path from `start` to `goal`, or nil (breadth first, names sorted).
    static func path(from start: String, to goal: String, in graph: [String: [String]]) -> [String]? {
        var previous: [String: String] = [start: start]
        var queue = [start]
        while !queue.isEmpty {
            let node = queue.removeFirst()
            if node == goal {
                var path = [goal]
                while let p = previous[path[0]], p != path[0] { path.insert(p, at: 0) }
                return path
            }
            for next in (graph[node] ?? []).sorted() where previous[next] == nil {
                previous[next] = node
                queue.append(next)
            }
        }
        return nil
    }

    /// Each target's in-package dependencies (products of other packages left out), from
    /// `swift package dump-package`; nil when `swift` cannot be run here.
    static func packageGraph() throws -> [String: [String]]? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard let swift = executable("swift") else {
            print("TruthBoundaryTests: skipped, no `swift` on PATH to dump the package graph")
            return nil
        }
        // A scratch path of its own: the `.build` of a running `swift test` is locked.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("truth-boundary-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = swift
        process.arguments = ["package", "--package-path", root.path, "--scratch-path", scratch.path, "dump-package"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "swift package dump-package exited \(process.terminationStatus)")
        let dump = try JSONDecoder().decode(Dump.self, from: data)
        return Dictionary(uniqueKeysWithValues: dump.targets.map { ($0.name, $0.dependencies.compactMap(\.inPackage)) })
    }

    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The part of dump-package's JSON read here.
    struct Dump: Decodable {
        struct Target: Decodable {
            var name: String
            var dependencies: [Dependency]
        }
        /// `{"byName": ["X", null]}` or `{"target": ["X", null]}` name a target of this package;
        /// `{"product": …}` one of another package.
        struct Dependency: Decodable {
            var byName: [String?]?
            var target: [String?]?
            var inPackage: String? { (byName ?? target)?.first ?? nil }
        }
        var targets: [Target]
    }
}
