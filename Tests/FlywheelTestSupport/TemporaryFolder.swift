import Foundation

/// A fresh folder under the system's temporary directory, `flywheel-<label>-<UUID>`, for one
/// test; the test removes it with `cleanUp()` (usually in a `defer`).
package struct TemporaryFolder: Sendable {
    package let path: String

    package init(_ label: String = "test") throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("flywheel-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `name` inside the folder.
    package func file(_ name: String) -> String { path + "/" + name }

    package func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}
