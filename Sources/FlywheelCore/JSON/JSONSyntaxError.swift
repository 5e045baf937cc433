/// A syntax or type error inside one JSON line; the reader turns it into an `InputError`.
///
/// The field path (`relevant.kb-0001`, `nuggets[1].text`…) is gathered while the error unwinds:
/// ``JSONCursor/forEachKey(_:)`` and ``JSONCursor/forEachElement(_:)`` add their key or index
/// to an error leaving their body, so a well-formed line is parsed without keeping any path.
public struct JSONSyntaxError: Error {
    public enum PathComponent: Sendable {
        case key(String)
        case index(Int)
    }

    public var message: String
    /// The innermost field, as named by whoever threw (nil for errors at the cursor's position).
    @usableFromInline let innermost: String?
    /// The enclosing keys and indices, innermost first (added while unwinding).
    @usableFromInline var enclosing: [PathComponent] = []

    @inlinable public init(field: String?, message: String) {
        innermost = field
        self.message = message
    }

    /// This error seen from the object member or array element `c` that contains it.
    @inlinable public func inside(_ c: PathComponent) -> JSONSyntaxError {
        var e = self
        e.enclosing.append(c)
        return e
    }

    /// The field path, outermost first: keys joined by `.`, indices as `[i]`; nil at the top level.
    public var field: String? {
        var components = Array(enclosing.reversed())
        if let innermost { components.append(.key(innermost)) }
        guard !components.isEmpty else { return nil }
        var s = ""
        for c in components {
            switch c {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }
}
