import FlywheelCore

extension SystemSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "Settings of the system under test: retriever, reranker, generator.", CodingKeys.self, defaults: SystemSpec(),
            [
                .retriever: .object(
                    "BM25 first stage with learned document expansion.", Retriever.CodingKeys.self, defaults: Retriever(),
                    [
                        .k1: .number("BM25 term-frequency saturation.", 0...10),
                        .b: .number("BM25 length normalisation.", 0...1),
                        .depth: .integer("First-stage depth (recall is measured at 75).", 1...10_000),
                        .expansion: .object(
                            "Learned expansion from relevance checks.", Expansion.CodingKeys.self, defaults: Expansion(),
                            [
                                .strength: .number("Weight of learned expansion terms relative to the article's own text; 0 turns learning off.", 0...100),
                                .decay: .number("Multiplier applied to old expansion weights at each retraining.", 0...1),
                                .cap: .integer("Most expansion terms kept per article.", 0...100_000),
                                .demotion: .number("Weight of the demotion learned from \"not relevant\" marks, relative to `strength`.", 0...100),
                            ]),
                    ]),
                .reranker: .object(
                    "Pairwise learning-to-rank reranker.", Reranker.CodingKeys.self, defaults: Reranker(),
                    [
                        .depth: .integer("Articles shown to the agent and used by the generator (precision is measured at 8).", 1...100),
                        .epochs: .integer("Training epochs per retraining.", 0...1000),
                        .learningRate: .number("Learning rate of the pairwise logistic model.", 0...10),
                    ]),
                .generator: .object(
                    "Extractive reply generator with a learned reward model.", Generator.CodingKeys.self, defaults: Generator(),
                    [
                        .candidates: .integer("Candidate replies scored by the reward model (best-of-n).", 2...64),
                        .exploration: .number("Probability that challenger B explores instead of being the runner-up.", 0...1),
                    ]),
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
                .labelling: .object(
                    "When present, labels come from an offline vendor instead of live agents.", Labelling.CodingKeys.self,
                    defaults: Labelling(),
                    [
                        .vendorSample: .integer("Tickets the vendor labels per retraining cycle.", 0...10_000_000),
                        .delay: .duration("Time from the end of the labelled window to the labels being usable."),
                        .persona: .string("The persona the vendor's labellers follow."),
                    ]),
                .evaluateEvery: .duration("Evaluate every this much simulated time, whatever the cadence; at least 1h."),
                .deployGate: .object(
                    "When present, a retrained retriever and reranker ship only if their nDCG@10 on held-out agent marks does not drop by more than `tolerance`.",
                    DeployGate.CodingKeys.self, defaults: DeployGate(),
                    [
                        .tolerance: .number("Largest drop in validation nDCG@10 (agents' marks as labels) a candidate may show and still ship.", 0...1),
                        .validationShare: .number("Share of each cycle's marked tickets held out of training to validate on.", 0.01...0.9),
                    ]),
            ])
    }
}
