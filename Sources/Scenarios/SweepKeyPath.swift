import FlywheelCore

/// A key path into a scenario, e.g. `arms.aitl.cadence` or `population[0].weight`.
public struct SweepKeyPath: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case key(String)
        case index(Int)
    }
    public var segments: [Segment]
    public var description: String

    /// Parses `text`; nil when it is not `key(.key|[index])*`.
    public init?(_ text: String) {
        var segments: [Segment] = []
        var current = ""
        var chars = Array(text)[...]
        func flushKey() -> Bool {
            guard !current.isEmpty else { return false }
            segments.append(.key(current))
            current = ""
            return true
        }
        var afterIndex = false
        while let ch = chars.popFirst() {
            switch ch {
            case ".":
                if afterIndex { afterIndex = false; guard current.isEmpty else { return nil }; continue }
                guard flushKey() else { return nil }
            case "[":
                if !afterIndex { guard flushKey() else { return nil } }
                var digits = ""
                while let d = chars.first, d.isASCII, d.isNumber { digits.append(d); chars.removeFirst() }
                guard chars.popFirst() == "]", let i = Int(digits) else { return nil }
                segments.append(.index(i))
                afterIndex = true
                if let next = chars.first, next != ".", next != "[" { return nil }
            case "]":
                return nil
            default:
                if afterIndex { return nil }
                current.append(ch)
            }
        }
        if !afterIndex { guard flushKey() else { return nil } }
        self.segments = segments
        self.description = text
    }

    /// Sets the value at this path in `tree`. Every step but the last must exist; the last may be
    /// a key the object lacks (strict decoding then judges it).
    func set(_ value: JSONValue, in tree: inout JSONValue) throws(SweepPathError) {
        try set(value, in: &tree, at: segments[...], walked: "")
    }

    private func set(_ value: JSONValue, in node: inout JSONValue, at rest: ArraySlice<Segment>, walked: String)
        throws(SweepPathError)
    {
        guard let step = rest.first else {
            node = value
            return
        }
        let last = rest.count == 1
        switch (step, node) {
        case (.key(let k), .object(var fields)):
            let here = walked.isEmpty ? k : walked + "." + k
            guard last || fields[k] != nil else {
                let known = fields.keys.sorted().joined(separator: ", ")
                throw SweepPathError(message: "'\(here)' does not exist in the base scenario (there: \(known))")
            }
            var child = fields[k] ?? .null
            try set(value, in: &child, at: rest.dropFirst(), walked: here)
            fields[k] = child
            node = .object(fields)
        case (.index(let i), .array(var items)):
            let here = walked + "[\(i)]"
            guard items.indices.contains(i) else {
                throw SweepPathError(
                    message: "'\(here)' does not exist in the base scenario ('\(walked)' has \(items.count) entries)")
            }
            try set(value, in: &items[i], at: rest.dropFirst(), walked: here)
            node = .array(items)
        case (.key(let k), _):
            throw SweepPathError(message: "'\(walked)' is not a mapping, so it has no key '\(k)'")
        case (.index(let i), _):
            throw SweepPathError(message: "'\(walked)' is not a list, so it has no entry [\(i)]")
        }
    }
}

struct SweepPathError: Error {
    var message: String
}
