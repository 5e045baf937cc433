import Foundation
import FlywheelCore

/// Reading and writing the whitespace-separated text files of trec_eval.
enum TrecText {
    /// The non-empty lines of `text` with their 1-based line numbers, each split on blanks/tabs.
    static func records(_ text: String) -> [(line: Int, fields: [Substring])] {
        var out = [(line: Int, fields: [Substring])]()
        var number = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for rawLine in lines {
            number += 1
            let fields = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if !fields.isEmpty { out.append((number, fields)) }
        }
        return out
    }

    static func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputError(file: path, "cannot read the file as UTF-8 text: \(error.localizedDescription)")
        }
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw InputError(file: path, "cannot write the file: \(error.localizedDescription)")
        }
    }

    /// Throws unless `id` can stand as one field of a TREC line.
    static func checkWritable(_ id: String, field: String) throws {
        if id.isEmpty || id.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            throw InputError(field: field, "id \"\(id)\" is empty or contains whitespace; a TREC file cannot hold it")
        }
    }
}
