import FlywheelCore

extension LineReader {
    /// The next non-blank line decoded by `decode`, or nil at the end. A JSON error becomes an
    /// ``InputError`` naming this file, the 1-based line and the field.
    func nextRecord<T>(_ decode: (inout JSONCursor) throws(JSONSyntaxError) -> T) throws -> T? {
        while true {
            let line: Result<T, JSONSyntaxError>?? = try nextLine { bytes -> Result<T, JSONSyntaxError>? in
                var c = JSONCursor(bytes)
                if c.peek() == nil { return nil }  // blank line
                do throws(JSONSyntaxError) {
                    return .success(try decode(&c))
                } catch {
                    return .failure(error)
                }
            }
            guard let line else { return nil }  // end of file
            guard let outcome = line else { continue }  // blank line
            switch outcome {
            case .success(let value): return value
            case .failure(let e): throw InputError(file: path, line: lineNumber, field: e.field, e.message)
            }
        }
    }
}
