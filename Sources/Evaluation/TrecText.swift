import Foundation
import FlywheelCore

/// Reading and writing the whitespace-separated text files of trec_eval.
enum TrecText {
    /// Calls `body` with the 1-based line number and the fields of every non-blank line of `text`.
    ///
    /// Lines end at `\n`; fields are separated by blanks, tabs or `\r` (so CRLF files read the same).
    /// Works on the UTF-8 bytes: a million-line run reads in well under a second.
    static func forEachRecord(
        _ text: String, _ body: (_ line: Int, _ fields: [String]) throws -> Void
    ) throws {
        var text = text
        try text.withUTF8 { bytes in
            var fields = [String]()
            fields.reserveCapacity(8)
            var line = 1
            var fieldStart = -1
            var i = 0
            while i <= bytes.count {
                let byte: UInt8 = i < bytes.count ? bytes[i] : 0x0A
                switch byte {
                case 0x20, 0x09, 0x0D, 0x0A:  // blank, tab, CR, LF
                    if fieldStart >= 0 {
                        fields.append(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self))
                        fieldStart = -1
                    }
                    if byte == 0x0A {
                        if !fields.isEmpty { try body(line, fields) }
                        fields.removeAll(keepingCapacity: true)
                        line += 1
                    }
                default:
                    if fieldStart < 0 { fieldStart = i }
                }
                i += 1
            }
        }
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
        if id.isEmpty || id.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(field: field, "id \"\(id)\" is empty or contains whitespace; a TREC file cannot hold it")
        }
    }
}
