import FlywheelCore

// The description of every scenario key: meaning, type, range and vocabulary. The ranges repeat
// the `decoder.require(_:in:_:)` checks of the decoders; `ScenarioSchemaTests` decodes each bound and each
// value just outside it, so the two cannot disagree.

extension Scenario: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "A scenario: one corpus, a population of simulated agents, the system's settings, and one or more arms run over the same ticket stream for `replicates` seeds.",
            CodingKeys.self, defaults: Scenario(),
            [
                .version: .integer("Version of the scenario format; only 1 exists.", 1...1),
                .corpus: .string(
                    "Corpus folder (holding `manifest.json`); a relative path resolves against the scenario file's folder (not the working directory), e.g. `../corpora/marketplace` from `scenarios/`."
                ),
                .seed: .integer("Seed of every random stream of the run.", 0...Double(UInt64.max)),
                .replicates: .integer(
                    "Independent replicates (seeds) per arm; confidence intervals are over these.", 1...1000),
                .heldout: HeldOutSpec.schema,
                .knowledge: KnowledgeSpec.schema,
                .personas: .string(
                    "Folder holding the `<persona>.yaml` files; a relative path resolves against the scenario file's folder, e.g. `personas` from `scenarios/`."
                ),
                .population: .array(
                    "The simulated agents: personas and their shares. At least one entry, weights summing to a positive number.",
                    of: PopulationEntry.schema, minItems: 1),
                .agents: .integer(
                    "Simulated agents on shift, each with a persona drawn from the population by its weight.",
                    1...100_000),
                .panel: .string(
                    "The evaluation panel's persona (`<personas>/<panel>.yaml`): its adoption of held-out replies is the offline `adoption` metric, the same in every arm. Absent = the built-in panel (adoption threshold 0.65, slope 12, trust fixed)."
                ),
                .system: SystemSpec.schema,
                .judge: JudgeSpec.schema,
                .filter: FilterSpec.schema,
                .arms: .map(
                    "The arms, by name: configurations of the loop run over the same tickets (at least one).",
                    of: ArmSpec.schema),
                .baseline: .string(
                    "The arm others are compared with; must name an arm (default `frozen` when that arm exists)."),
                .horizon: .duration("Simulated time replayed from the first ticket; absent = the whole corpus."),
                .expect: .array(
                    "Assertions `flywheel check` evaluates on the replicates' confidence intervals.",
                    of: Expectation.schema),
                .cost: CostModel.schema
            ])
    }
}

extension Expectation: SchemaDescribed {
    static var schema: SchemaNode {
        let arm = SchemaNode.string("The arm the assertion is about.")
        let metric = SchemaNode.string(
            "A metric the engine writes (see Metrics below), e.g. recall@75, precision@8, helpfulness, adoption.")
        return .object(
            "One assertion: a mapping with exactly one of these keys.", Kind.self, defaults: [String: Int](),
            [
                .improves: .object(
                    "The metric improves by at least `by`: the lower 95% bound of the paired improvement.",
                    Improves.CodingKeys.self, defaults: [String: Int](), required: [.arm, .metric, .by],
                    [
                        .arm: arm, .metric: metric,
                        .by: .number("Least improvement (absolute, or relative when `relative`)."),
                        .relative: .boolean("Measure the improvement relative to the reference value."),
                        .byIteration: .integer("Evaluate at this iteration instead of the last (0…100000)."),
                        .versus: .oneOf("Compare with the baseline arm or with iteration 0.", ["baseline", "start"])
                    ]),
                .converges: .object(
                    "By iteration `within` the mean curve settles within `tolerance` for `window` iterations and stays there, at least `min_change` away from iteration 0.",
                    Converges.CodingKeys.self, defaults: [String: Int](),
                    required: [.arm, .metric, .within, .tolerance],
                    [
                        .arm: arm, .metric: metric,
                        .within: .integer("Iteration by which the curve must have settled (0…100000)."),
                        .tolerance: .number("Largest spread within a window (≥ 0)."),
                        .window: .integer("Consecutive iterations compared (2…1000, default 3)."),
                        .minChange: .number(
                            "Least distance between the settled level and iteration 0 (≥ 0, default 0.01): a flat curve fails."
                        )
                    ]),
                .neverRegresses: .object(
                    "No iteration's mean falls more than `more_than` below the best mean before it.",
                    NeverRegresses.CodingKeys.self, defaults: [String: Int](), required: [.arm, .metric, .moreThan],
                    [.arm: arm, .metric: metric, .moreThan: .number("Largest allowed drop (≥ 0).")]),
                .atLeast: bound("The mean at `iteration` (default the last) is at least `value`."),
                .atMost: bound("The mean at `iteration` (default the last) is at most `value`."),
                .noGain: paired(
                    "Negative control: the paired 95% interval of the difference to the reference at `iteration` (default the last) does not lie entirely above 0."
                ),
                .noLoss: paired(
                    "Do no harm: the paired 95% interval of the difference to the reference at `iteration` (default the last) does not lie entirely below 0."
                ),
                .stable: .object(
                    "No replicate collapses: in every replicate the value at `iteration` (default the last) is at least `share` times the reference's in the same replicate.",
                    Stable.CodingKeys.self, defaults: [String: Int](), required: [.arm, .metric],
                    [
                        .arm: .string("The arm the assertion is about."),
                        .metric: .string("A metric the engine writes (see Metrics below), e.g. ndcg@10, precision@8."),
                        .share: .number("Least ratio to the reference in every replicate (0…10, default 0.9)."),
                        .iteration: .integer("Iteration compared (default the last)."),
                        .versus: .string(
                            "`baseline` (default when there is one), `start` (iteration 0) or another arm's name.")
                    ]),
                .lift: liftSchema
            ])
    }

    static func paired(_ d: String) -> SchemaNode {
        .object(
            d, Paired.CodingKeys.self, defaults: [String: Int](), required: [.arm, .metric],
            [
                .arm: .string("The arm the assertion is about."),
                .metric: .string(
                    "A metric the engine writes (see Metrics below), e.g. recall@75, precision@8, helpfulness, adoption."
                ),
                .iteration: .integer("Iteration compared (default the last)."),
                .versus: .string("`baseline` (default when there is one), `start` (iteration 0) or another arm's name.")
            ])
    }

    static var liftSchema: SchemaNode {
        .object(
            "A relative lift within a band: mean(arm) / mean(reference) − 1 at `iteration` (default the last) lies in `between`. Judged on that ratio of replicate means; its paired bootstrap 95% interval and n are printed, not judged.",
            Lift.CodingKeys.self, defaults: [String: Int](), required: [.arm, .metric, .between],
            [
                .arm: .string("The arm the assertion is about."),
                .metric: .string("A metric the engine writes, e.g. recall@75, precision@8, helpfulness, adoption."),
                .between: .array(
                    "The band [lo, hi] (lo ≤ hi, each −1…1000000) as shares of the reference: [0.0878, 0.1463] is +8.78% … +14.63%.",
                    of: .number("A relative lift."), minItems: 2),
                .iteration: .integer("Iteration compared (default the last)."),
                .versus: .string("`baseline` (default when there is one), `start` (iteration 0) or another arm's name.")
            ])
    }

    static func bound(_ d: String) -> SchemaNode {
        .object(
            d, Bound.CodingKeys.self, defaults: [String: Int](), required: [.arm, .metric, .value],
            [
                .arm: .string("The arm the assertion is about."),
                .metric: .string("A metric the engine writes (see Metrics below)."),
                .value: .number("The bound."),
                .iteration: .integer("The iteration to test (0…100000; default the last).")
            ])
    }
}

extension CostModel: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "The cost model `flywheel cadence` uses to recommend a cadence.", CodingKeys.self, defaults: CostModel(),
            [
                .perRetrain: .number("Cost of one retraining.", 0...1e12),
                .perAgentMinute: .number("Cost of one agent minute spent annotating.", 0...1e12),
                .valuePerPoint: .map(
                    "Value of one point (0.01) of each metric's gain, by metric name (at least one).",
                    of: .number("Value per point."))
            ])
    }
}

extension HeldOutSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "Held-out tickets: never served, evaluated every iteration, the same for every arm and replicate.",
            CodingKeys.self, defaults: HeldOutSpec(),
            [
                .share: .number("Share of tickets held out (a keyed draw per ticket).", 0.001...0.5),
                .max: .integer(
                    "At most this many held-out tickets are evaluated (the first in time order).", 1...1_000_000)
            ])
    }
}

extension KnowledgeSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "Missing knowledge and how gaps get closed.", CodingKeys.self, defaults: KnowledgeSpec(),
            [
                .withhold: .object(
                    "Articles missing from the published knowledge base at the start.", Withhold.CodingKeys.self,
                    defaults: Withhold(),
                    [
                        .share: .number("Share of articles withheld at the start.", 0...0.9),
                        .introducedLater: .boolean(
                            "Also withhold every article whose `introduced_at` is after the first ticket.")
                    ]),
                .authoring: .object(
                    "How flagged gaps are authored.", Authoring.CodingKeys.self, defaults: Authoring(),
                    [
                        .flagsNeeded: .integer(
                            "Missing-knowledge flags on one gap before authors write the article.", 1...10_000),
                        .delay: .duration("Time from reaching the threshold to publishing."),
                        .significance: .number(
                            "Level of the one-sided binomial test (group flag rate above the overall flag rate) before a group is reviewed.",
                            1e-12...0.5),
                        .skill: .number(
                            "Probability an author writes the article the group needs (else its near-duplicate, or nothing).",
                            0...1),
                        .triageMinutes: .number("Author minutes spent reading each flag.", 0...10_000),
                        .reviewMinutes: .number("Author minutes spent on each group review.", 0...100_000)
                    ])
            ])
    }
}

extension PopulationEntry: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "One persona of the agent population and its share.", CodingKeys.self, defaults: PopulationEntry(),
            required: [.persona],
            [
                .persona: .string("Persona name: the file `<personas>/<persona>.yaml`."),
                .weight: .number("Relative share of this persona among the agents.", 0...1_000_000)
            ])
    }
}

extension FilterSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "The quality filter between annotations and training.", CodingKeys.self, defaults: FilterSpec(),
            [
                .minAgentTrust: .number(
                    "Annotations from agents whose estimated accuracy falls below this are dropped.", 0...1),
                .virtualJudge: .object(
                    "An optional LLM-judge-like filter (absent = none).", VirtualJudge.CodingKeys.self,
                    defaults: VirtualJudge(),
                    [
                        .precision: .number("Share of the annotations it keeps that are correct.", 0...1),
                        .recall: .number("Share of correct annotations it keeps.", 0...1)
                    ])
            ])
    }
}
