import ArgumentParser

/// Every top-level subcommand, in the order `--help` lists them. Add a command here and in its
/// own `XCommand.swift` file.
enum CommandRegistry {
    static let subcommands: [any ParsableCommand.Type] = [
        RunCommand.self,
        CorpusCommand.self,
        PersonaCommand.self,
        AnalyzeCommand.self,
        BM25BenchCommand.self,
        RetrieveCommand.self,
        ScenarioCommand.self,
        SweepCommand.self,
        MergeCommand.self,
        CheckCommand.self,
        CadenceCommand.self,
        ReportCommand.self,
        AnnotationsCommand.self,
        ExportCommand.self,
        CalibrateCommand.self,
        PluginGroupCommand.self
    ]
}
