import Generation
import Retrieval
import World

/// The caches of one run, as one value: ``ScenarioAssembly/engine(for:root:keepAnnotations:llm:custom:corpusChecked:)``
/// creates it and hands its parts down — the analysis memos to the builtin retriever's and
/// reranker's analyzers, the article analysis (with its ticket-words memo) to every job's builtin
/// generator, the judge memo to the run's judge. Every job of the run shares them (a ticket is
/// analysed once, whichever arm serves it), and they are freed with the engine when the run ends:
/// nothing is process-wide, so two runs in one process, or two tests, share no state. Every cached
/// value is a pure function of its key (or, for interned ids, only compared with ids of the same
/// cache), so the caches change no result.
public struct RunCaches: Sendable {
    /// Stems and ticket query terms (``AnalysisMemos``).
    public let text: AnalysisMemos
    /// Sentence analyses, interned words and ticket words of the builtin generator
    /// (``ArticleAnalysisCache``).
    public let generation: ArticleAnalysisCache
    /// Tokens and word counts of the texts the judge reads (``JudgeMemo``).
    public let judged: JudgeMemo

    public init(
        text: AnalysisMemos = AnalysisMemos(), generation: ArticleAnalysisCache = ArticleAnalysisCache(),
        judged: JudgeMemo = JudgeMemo()
    ) {
        self.text = text
        self.generation = generation
        self.judged = judged
    }
}
