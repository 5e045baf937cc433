import FlywheelCore

/// Appending JSON to a byte buffer with a fixed key order and RFC 8259 string escaping, so
/// the same values always give the same bytes (docs/distributed.md).
enum JSONOutput {
    private static let hex = Array("0123456789abcdef".utf8)

    /// `"text"`, escaping `"`, `\` and control characters; other characters are written as UTF-8.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let c = bytes[i]
                guard c == 0x22 || c == 0x5C || c < 0x20 else { continue }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x08: out += [0x5C, 0x62]
                case 0x0C: out += [0x5C, 0x66]
                default: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]]
                }
            }
            if bytes.count > runStart {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            }
        }
        out.append(0x22)
    }

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(v).utf8)
    }

    /// Writes object members separated by commas; call `key` before each value.
    struct ObjectWriter {
        private var first = true
        init(_ out: inout [UInt8]) { out.append(0x7B) }

        mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
            if !first { out.append(0x2C) }
            first = false
            out.append(0x22)
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out += [0x22, 0x3A]
        }

        /// A key known only at run time (escaped like any string).
        mutating func key(dynamic name: String, _ out: inout [UInt8]) {
            if !first { out.append(0x2C) }
            first = false
            JSONOutput.appendString(name, to: &out)
            out.append(0x3A)
        }

        mutating func string(_ name: StaticString, _ value: String, _ out: inout [UInt8]) {
            key(name, &out)
            JSONOutput.appendString(value, to: &out)
        }

        mutating func optionalString(_ name: StaticString, _ value: String?, _ out: inout [UInt8]) {
            if let value { string(name, value, &out) }
        }

        mutating func int(_ name: StaticString, _ value: Int, _ out: inout [UInt8]) {
            key(name, &out)
            JSONOutput.appendInt(value, to: &out)
        }

        mutating func bool(_ name: StaticString, _ value: Bool, _ out: inout [UInt8]) {
            key(name, &out)
            out.append(contentsOf: (value ? "true" : "false").utf8)
        }

        func close(_ out: inout [UInt8]) { out.append(0x7D) }
    }
}
