import FlywheelCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a folder as a whole or not at all: the content goes into a temporary sibling
/// (`.NAME.staging-PID`), which is renamed into place only when `body` returns. A failure (bad
/// input, disk full) leaves an existing folder untouched and removes the staging folder, so no
/// `*.partial` file is left behind; a staging folder left by a killed process is removed by the
/// next write of the same folder.
///
/// Replacing an existing folder takes two renames (old aside, new in) and then deletes the old
/// one; entries of the old folder that are not corpus files (a README, say) are moved into the
/// new one. Errors name `target`, never the staging folder.
///
/// ```swift
/// let manifest = try StagedDirectory.write(to: "corpora/scifact") { staging in
///     try BEIRImporter(folder: beir).importCorpus(into: staging, options: options)
/// }
/// ```
public enum StagedDirectory {
    /// Entries a corpus write owns: replaced, never carried over.
    static let corpusEntries: Set<String> = Set([Manifest.fileName] + CorpusFile.allCases.map(\.fileName))

    public static func write<T>(to target: String, _ body: (String) throws -> T) throws -> T {
        let trimmed = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        // Absolute and through symlinks: `--out .` or a symlinked folder is replaced where it really is.
        let url = URL(fileURLWithPath: trimmed).standardizedFileURL.resolvingSymlinksInPath()
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: trimmed, "cannot create the parent folder \(parent): \(reason(error))")
        }
        removeStaleStaging(of: name, in: parent)
        let staging = parent + "/.\(name).staging-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw InputError(file: trimmed, "cannot write beside it (\(parent)): \(String(cString: strerror(errno)))")
        }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let result: T
        do {
            result = try body(staging)
        } catch let error as InputError {
            throw error.naming(staging, as: trimmed)
        }
        try moveIntoPlace(staging, url.path)
        return result
    }

    /// Removes staging folders of `name` left by processes that no longer exist (killed mid-write).
    static func removeStaleStaging(of name: String, in parent: String) {
        let prefix = ".\(name).staging-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix)
        {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: parent + "/" + entry) }
        }
    }

    /// Renames `staging` to `target`, putting an existing `target` aside first and carrying over
    /// its non-corpus entries.
    static func moveIntoPlace(_ staging: String, _ target: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target, isDirectory: &isDirectory) else {
            try move(staging, to: target, target: target)
            return
        }
        guard isDirectory.boolValue else { throw InputError(file: target, "exists and is not a folder") }
        let aside = staging.replacingOccurrences(of: ".staging-", with: ".replaced-")
        try? fm.removeItem(atPath: aside)
        try move(target, to: aside, target: target)
        do {
            try move(staging, to: target, target: target)
        } catch {
            _ = rename(aside, target)  // put the old folder back
            throw error
        }
        let kept = ((try? fm.contentsOfDirectory(atPath: aside)) ?? []).filter {
            !corpusEntries.contains($0) && !$0.hasSuffix(".partial")
        }
        for entry in kept { _ = rename(aside + "/" + entry, target + "/" + entry) }
        try? fm.removeItem(atPath: aside)
    }

    static func move(_ from: String, to: String, target: String) throws {
        guard rename(from, to) == 0 else {
            throw InputError(file: target, "cannot move the new folder into place: \(String(cString: strerror(errno)))")
        }
    }

    /// The POSIX reason of a Foundation file error ("Permission denied"), or its description.
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}

extension InputError {
    /// The same error with the staging folder's path replaced by the folder the user named.
    func naming(_ staging: String, as target: String) -> InputError {
        var copy = self
        // The file being written was `NAME.partial` in the staging folder; the user's is `NAME` in `target`.
        copy.file = file.map { path -> String in
            let named = path.replacingOccurrences(of: staging, with: target)
            return named.hasSuffix(".partial") ? String(named.dropLast(".partial".count)) : named
        }
        copy.message = message.replacingOccurrences(of: staging, with: target)
        return copy
    }
}
