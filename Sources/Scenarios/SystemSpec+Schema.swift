import Engine
import FlywheelCore

extension SystemSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "Settings of the system under test: retriever, reranker, generator.", CodingKeys.self,
            defaults: SystemSpec(),
            [
                .retriever: .object(
                    "The first stage: builtin BM25 with learned document expansion, or a plugin (`kind: process`; the other keys go to it as settings).",
                    Retriever.CodingKeys.self, defaults: Retriever(),
                    [
                        .k1: .number("BM25 term-frequency saturation.", 0...10),
                        .b: .number("BM25 length normalisation.", 0...1),
                        .depth: .integer("First-stage depth: recall@K is measured at this depth (K).", 1...10_000),
                        .expansion: .object(
                            "Learned expansion from relevance checks.", Expansion.CodingKeys.self,
                            defaults: Expansion(),
                            [
                                .strength: .number(
                                    "Weight of learned expansion terms relative to the article's own text; 0 turns learning off.",
                                    0...100),
                                .halfLife: .duration(
                                    "Half-life of learned expansion weights in simulated time (1h to 100 years): forgetting per unit of time, never per retraining."
                                ),
                                .evidence: .number(
                                    "Standard deviations of chance a term's surplus of \"relevant\" marks must exceed before it counts (1.96: a two-sided 95% z-test; 0: every surplus counts).",
                                    0...10),
                                .cap: .integer("Most expansion terms kept per article.", 0...100_000),
                                .demotion: .number(
                                    "Weight of the demotion learned from \"not relevant\" marks, relative to `strength`.",
                                    0...100)
                            ]),
                        .kind: StageKind.schema,
                        .process: ProcessSpec.schema
                    ]),
                .reranker: .object(
                    "The second stage: the builtin pairwise learning-to-rank reranker, or a plugin.",
                    Reranker.CodingKeys.self, defaults: Reranker(),
                    [
                        .depth: .integer(
                            "Articles shown to the agent and used by the generator: precision@K is measured at this depth (K); only marks within it form the reranker's training pairs.",
                            1...100),
                        .epochs: .integer("Training epochs per retraining.", 0...1000),
                        .learningRate: .number("Learning rate of the pairwise logistic model.", 0...10),
                        .priorHalfLife: .duration(
                            "Half-life of the article-prior counts (share of checks that said relevant), 1h to 100 years."
                        ),
                        .priorEvidence: .number(
                            "Standard errors of chance an article's prior log-odds (share of checks that said relevant) must exceed before the reranker counts it (1.96: a 95% z-test; 0: every mark counts).",
                            0...10),
                        .validationFolds: .integer(
                            "Folds of the cross-validation on the agents' marks that chooses how far each retraining moves the weights (steps 0, 0.25, 0.5, 1); 0 or 1: no validation, the weights move all the way.",
                            0...50),
                        .kind: StageKind.schema,
                        .process: ProcessSpec.schema
                    ]),
                .generator: .object(
                    "The reply generator: the built-in extractive one with a learned reward model, a plugin, or an OpenAI-compatible chat model (`kind`).",
                    Generator.CodingKeys.self, defaults: Generator(),
                    [
                        .candidates: .integer("Candidate replies scored by the reward model (best-of-n).", 2...64),
                        .exploration: .number(
                            "Probability that challenger B explores instead of being the runner-up.", 0...1),
                        .rewardL2: .number(
                            "Fixed floor (L2) of the reward model's pull towards its previous weights.", 0...1_000),
                        .rewardHalfLife: .duration(
                            "Half-life of what past preference pairs say in the reward model, 1h to 100 years."),
                        .priorWords: .integer(
                            "Most ticket words the sentence prior keeps per article sentence: after each retraining a sentence with more keeps the strongest (most evidence for or against, ties by word) and forgets the rest; 0: no limit (memory then grows with every ticket).",
                            0...1_000_000),
                        .kind: GeneratorKind.schema,
                        .process: ProcessSpec.schema,
                        .openai: OpenAISpec.schema(for: "generator"),
                        .fewShot: FewShotSpec.schema
                    ])
            ])
    }
}

extension ArmSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "One configuration of the loop, e.g. weekly AITL, quarterly batch labelling, or frozen.", CodingKeys.self,
            defaults: ArmSpec(),
            [
                .cadence: .duration("Simulated time between retrainings; at least 1h."),
                .retrain: .boolean("Whether the models are ever retrained; `false` is the frozen arm."),
                .signals: .array(
                    "Which live signals reach training; remove one for an ablation.",
                    of: .oneOf("A signal kind.", SignalKind.allCases.map(\.rawValue))),
                .participation: .number("Scales every persona's participation; 0 means agents never annotate.", 0...1),
                .population: .array(
                    "This arm's own agent population (default: the scenario's), for populations side by side on the same tickets.",
                    of: PopulationEntry.schema, minItems: 1),
                .feedback: .oneOf(
                    "Where feedback comes from: `simulated` agents, or `logged` — the offline-replay arm, which learns from the annotation log `log` in time order at this arm's cadence (docs/annotations.md).",
                    FeedbackKind.allCases.map(\.rawValue)),
                .log: .string(
                    "The annotation log (JSONL, plain or .zst) a `feedback: logged` arm replays; a relative path resolves against the scenario file's folder; required by and only allowed with `feedback: logged`."
                ),
                .shuffleLabels: .boolean(
                    "Negative control: permute every label of a cycle across its tickets before training (shares kept, link to what they label broken)."
                ),
                .labelling: .object(
                    "When present, labels come from an offline vendor instead of live agents.",
                    Labelling.CodingKeys.self,
                    defaults: Labelling(),
                    [
                        .vendorSample: .integer("Tickets the vendor labels per retraining cycle.", 0...10_000_000),
                        .delay: .duration("Time from the end of the labelled window to the labels being usable."),
                        .persona: .string("The persona the vendor's labellers follow.")
                    ]),
                .evaluateEvery: .duration(
                    "Evaluate every this much simulated time, whatever the cadence; at least 1h."),
                .deployGate: .object(
                    "On by default: a retrained retriever and reranker ship only if they beat the deployed ones on held-out agent marks (never the truth): condensed nDCG@10, a paired one-sided t-test whose level is spent over the run (`alpha`); what shipped is recorded per iteration.",
                    DeployGate.CodingKeys.self, defaults: DeployGate(),
                    [
                        .enabled: .boolean("false ships every retrained model unchecked."),
                        .tolerance: .number(
                            "Largest drop in validation nDCG@10 (agents' marks as labels) a candidate may show and still ship.",
                            0...1),
                        .validationShare: .number(
                            "Share of each cycle's marked tickets held out of training to validate on.", 0.01...0.9),
                        .alpha: .number(
                            "The job's false-ship budget: the chance that any candidate no better than the deployed model ships during the whole run, spent over the run's tests as `spending` says.",
                            0.0001...0.5),
                        .spending: .oneOf(
                            "How `alpha` is spent: `tests` runs the k-th test at `alpha`/(k(k+1)) (no horizon needed; later tests of an arm that retrains often are much stricter); `time` gives each test the share of `alpha` the simulated time since the previous test is of the run (the same budget per quarter at any cadence). Both sum to at most `alpha`.",
                            DeployGateSpending.allCases.map(\.rawValue)),
                        .validationTickets: .integer(
                            "Most held-out tickets the gate keeps and tests on (the most recent; held-out marks accumulate across cycles).",
                            10...1_000_000)
                    ])
            ])
    }
}
