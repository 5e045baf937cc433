/// An error in something a user gave Flywheel — a corpus file, a scenario, a persona, an
/// argument — that names where it is: file, line and field or key path.
///
/// The CLI turns every `InputError` into one line on standard error — one per error of ``all`` —
/// and exit status 2.
///
/// ```
/// corpora/x/tickets.jsonl.zst:120: field "created_at": expected an ISO-8601 UTC time …
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    /// The 1-based column within ``line``, where the reader knows it (YAML syntax errors).
    public var column: Int?
    /// A field name or a key path such as `population[2].weight`.
    public var field: String?
    public var message: String
    /// Further errors found in the same input (a YAML file lists every problem, in file order);
    /// ``all`` is this error followed by them.
    public var more: [InputError] = []

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// Several errors of one input as one error: the first, carrying the rest in ``more``.
    /// `errors` must not be empty.
    public static func list(_ errors: [InputError]) -> InputError {
        precondition(!errors.isEmpty, "InputError.list needs at least one error")
        var first = errors[0]
        first.more = first.more + Array(errors.dropFirst())
        return first
    }

    /// This error and every further one, each a line of its own.
    public var all: [InputError] {
        var head = self
        head.more = []
        return [head] + more.flatMap(\.all)
    }

    /// The first line (this error alone; ``all`` lists the rest).
    public var description: String {
        var place = ""
        if let file { place = file }
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        if let column, line != nil { place += ":\(column)" }
        var out = place.isEmpty ? "" : place + ": "
        if let field { out += "field \"\(field)\": " }
        return out + message
    }
}
