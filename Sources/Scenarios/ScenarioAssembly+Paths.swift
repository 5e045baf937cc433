import Corpora
import FlywheelCore
import Foundation

extension ScenarioAssembly {
    /// Checks that every path `scenario` names exists once resolved against `root` (the scenario
    /// file's folder, ``ScenarioPaths``): the corpus folder with its manifest, the persona
    /// folder, each `feedback: logged` arm's log. A missing one is an ``InputError`` naming the
    /// key path and the resolved absolute path, and `file` (the scenario file) when given.
    public static func checkPaths(_ scenario: Scenario, root: String, file: String? = nil) throws {
        let fm = FileManager.default
        _ = try corpusFolder(scenario, root: root, file: file)
        let personas = ScenarioPaths.resolve(scenario.personas, against: root)
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: personas, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(
                file: file, field: "personas",
                "no persona folder at '\(personas)' (relative paths resolve against the scenario file's folder)")
        }
        for name in scenario.armNames {
            guard let log = scenario.arms[name]?.log else { continue }
            let path = ScenarioPaths.resolve(log, against: root)
            guard fm.fileExists(atPath: path) else {
                throw InputError(
                    file: file, field: "arms.\(name).log",
                    "no annotation log at '\(path)' (relative paths resolve against the scenario file's folder)")
            }
            if ContainedPath.existsButIsNotARegularFile(path) {
                throw InputError(file: file, field: "arms.\(name).log", "'\(path)' is not a regular file")
            }
        }
    }

    /// The scenario's corpus folder resolved against `root`; an ``InputError`` (key `corpus`)
    /// naming the resolved path when it holds no manifest.
    static func corpusFolder(_ scenario: Scenario, root: String, file: String? = nil) throws -> String {
        let corpus = ScenarioPaths.resolve(scenario.corpus, against: root)
        guard FileManager.default.fileExists(atPath: corpus + "/" + Manifest.fileName) else {
            throw InputError(
                file: file, field: "corpus",
                "no corpus at '\(corpus)' (expected \(Manifest.fileName) there; relative paths resolve against the scenario file's folder)"
            )
        }
        return corpus
    }
}
