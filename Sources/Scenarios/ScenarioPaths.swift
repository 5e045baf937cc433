import FlywheelCore
import Foundation

/// The one rule for relative paths in the files Flywheel reads: a relative path resolves against
/// the folder of the file that names it (as docker-compose and cargo do), never against the
/// working directory. A scenario's `corpus`, `personas` and `arms.<arm>.log` resolve against the
/// scenario file's folder, a sweep's `base` (and any path it sets in a cell) against the sweep
/// file's folder, and a `kind: process` plugin runs in the scenario file's folder, so relative
/// paths in its `command` resolve there too. Paths on the command line are the shell's: they
/// resolve against the working directory.
///
/// ```swift
/// let root = ScenarioPaths.folder(ofFile: "scenarios/ci/converges.yaml")  // /…/scenarios/ci
/// ScenarioPaths.resolve("../../corpora/ci-small", against: root)         // /…/corpora/ci-small
/// ```
public enum ScenarioPaths {
    /// The absolute folder holding `file` (a relative `file`, as given on a command line,
    /// resolves against the working directory first).
    public static func folder(ofFile file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    }

    /// `path` resolved against the folder `root`: absolute paths are kept, relative ones joined
    /// to `root`; `.` and `..` components are removed.
    public static func resolve(_ path: String, against root: String) -> String {
        let joined = path.hasPrefix("/") ? path : (root.hasSuffix("/") ? root : root + "/") + path
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// The relative spelling of the absolute path `target` seen from the absolute folder `folder`
    /// (`../corpora/x`), or `target` itself when either is relative.
    static func relative(_ target: String, from folder: String) -> String {
        guard target.hasPrefix("/"), folder.hasPrefix("/") else { return target }
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        let from = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        var common = 0
        while common < min(to.count, from.count), to[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Whether the scenario key path `names` (keys only; an index anywhere makes it no match)
    /// holds a path: `corpus`, `personas` or `arms.<arm>.log`. The one list of path keys.
    static func isPathKey(_ names: [String?]) -> Bool {
        switch names.count {
        case 1: names[0] == "corpus" || names[0] == "personas"
        case 3: names[0] == "arms" && names[1] != nil && names[2] == "log"
        default: false
        }
    }
}

extension Scenario {
    /// The scenario with every path key (``ScenarioPaths/isPathKey(_:)``) resolved against
    /// `root`: what a run records in its store, so `report` and `export` find the corpus from
    /// any folder. The run key and ``resolvedHash`` keep the paths as written.
    public func resolvingPaths(against root: String) -> Scenario {
        var out = self
        out.corpus = ScenarioPaths.resolve(corpus, against: root)
        out.personas = ScenarioPaths.resolve(personas, against: root)
        for name in armNames {
            if let log = arms[name]?.log { out.arms[name]?.log = ScenarioPaths.resolve(log, against: root) }
        }
        return out
    }
}
