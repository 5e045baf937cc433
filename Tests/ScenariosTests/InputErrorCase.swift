import FlywheelCore
import Testing

/// One bad input and the exact error it must get: the key path and the message.
struct InputErrorCase: CustomTestStringConvertible, Sendable {
    var yaml: String
    var field: String?
    var message: String
    var testDescription: String { (field ?? "-") + ": " + message }

    /// Runs `decode` on the case's YAML, named "bad.yaml", and checks the `InputError` it throws
    /// names that file, the key path and the message.
    func expectRejected(by decode: (String, String) throws -> Any) {
        do {
            _ = try decode(yaml, "bad.yaml")
            Issue.record("accepted: \(yaml)")
        } catch let error as InputError {
            #expect(error.file == "bad.yaml")
            #expect(error.field == field)
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
