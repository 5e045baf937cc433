import Foundation

/// Paths in this checkout, derived from this file's location
/// (`Tests/FlywheelTestSupport/Repository.swift`), so tests run from any working directory.
package enum Repository {
    /// The repository root.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository root as a path (no trailing slash).
    package static var rootPath: String { root.path }

    /// `relative` under the repository root.
    package static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// `relative` under the repository root, as a path.
    package static func path(_ relative: String) -> String { url(relative).path }

    /// The shipped personas (`scenarios/personas`).
    package static var personas: URL { url("scenarios/personas") }

    /// The real datasets, never copied into the repository: `$FLYWHEEL_DATASETS`, by default
    /// `shared/datasets` beside the repository's folder (the same rule as scripts/datasets.sh,
    /// docs/development.md "Real datasets"); tests that read them skip when a dataset is absent.
    package static var sharedDatasets: URL {
        if let folder = ProcessInfo.processInfo.environment["FLYWHEEL_DATASETS"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, relativeTo: root).standardizedFileURL
        }
        return root.appendingPathComponent("../shared/datasets").standardizedFileURL
    }

    /// `name` under ``sharedDatasets``.
    package static func sharedDataset(_ name: String) -> URL { sharedDatasets.appendingPathComponent(name) }
}
