import FlywheelCore
import Foundation

/// RFC 4180 CSV (a header row, then records; quoted fields may hold commas, doubled quotes and
/// newlines) as JSON objects of strings keyed by the header, each with the line it starts on.
enum CSVRecords {
    static func read(_ path: String) throws -> [(object: JSONValue, line: Int)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: path, "not UTF-8 text") }
        var rows: [(fields: [String], line: Int)] = []
        var field = ""
        var fields: [String] = []
        var quoted = false
        var line = 1
        var start = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((fields, start)) }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                start = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if quoted { throw InputError(file: path, line: start, "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = rows.first else { throw InputError(file: path, "no header row") }
        return try rows.dropFirst().map { row in
            guard row.fields.count == header.fields.count else {
                throw InputError(
                    file: path, line: row.line,
                    "\(row.fields.count) fields where the header has \(header.fields.count)")
            }
            let members = zip(header.fields, row.fields).compactMap { k, v in v.isEmpty ? nil : (k, JSONValue.string(v))
            }
            return (JSONValue.object(members), row.line)
        }
    }
}
