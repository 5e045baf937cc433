import FlywheelCore

extension InputError {
    /// The one line the CLI prints after `error: `. A field that is a command-line flag is named
    /// as the flag (`--replicates: 0 is out of range; allowed: 1…1000`), any other field as a
    /// key path (`scenario.yaml: field "arms.aitl.cadence": …`). Control characters from the
    /// input are made visible (``TerminalText``) so nothing raw reaches the terminal.
    var commandLine: String {
        guard let field, field.hasPrefix("-") else { return TerminalText.line(description) }
        var place = ""
        if let file { place = file }
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        return TerminalText.line((place.isEmpty ? "" : place + ": ") + field + ": " + message)
    }

    /// One ``commandLine`` for each error ``all`` lists (a YAML file with three problems: three).
    var commandLines: [String] { all.map(\.commandLine) }
}
