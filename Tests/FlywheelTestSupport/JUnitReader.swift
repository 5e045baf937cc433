import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Counts elements and reads failure messages while parsing a JUnit file, to check the XML is
/// well formed (the check tests and the JUnit writer's own).
package final class JUnitReader: NSObject, XMLParserDelegate {
    package var counts: [String: Int] = [:]
    package var failures: [String] = []
    package var errors: [String] = []
    package var skipped: [String] = []
    package var suiteNames: [String] = []
    package var caseNames: [String] = []
    package func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[name, default: 0] += 1
        if name == "failure" { failures.append(attributes["message"] ?? "") }
        if name == "error" { errors.append(attributes["message"] ?? "") }
        if name == "skipped" { skipped.append(attributes["message"] ?? "") }
        if name == "testsuite" { suiteNames.append(attributes["name"] ?? "") }
        if name == "testcase" { caseNames.append(attributes["name"] ?? "") }
    }
    /// Parses `data`; false when it is not well-formed XML.
    package static func read(_ data: Data) -> (ok: Bool, reader: JUnitReader) {
        let parser = XMLParser(data: data)
        let reader = JUnitReader()
        parser.delegate = reader
        return (parser.parse(), reader)
    }
}
