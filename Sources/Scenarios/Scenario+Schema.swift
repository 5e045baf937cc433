import FlywheelCore

// The description of every scenario key: meaning, type, range and vocabulary. The ranges repeat
// the `require(_:in:)` checks of the decoders; `ScenarioSchemaTests` decodes each bound and each
// value just outside it, so the two cannot disagree.

extension Scenario: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "A scenario: one corpus, a population of simulated agents, the system's settings, and one or more arms run over the same ticket stream for `replicates` seeds.",
            CodingKeys.self, defaults: Scenario(),
            [
                .version: .integer("Version of the scenario format; only 1 exists.", 1...1),
                .corpus: .string("Corpus folder (holding `manifest.json`), relative to the working directory."),
                .seed: .integer("Seed of every random stream of the run.", 0...Double(UInt64.max)),
                .replicates: .integer("Independent replicates (seeds) per arm; confidence intervals are over these.", 1...1000),
                .heldout: HeldOutSpec.schema,
                .knowledge: KnowledgeSpec.schema,
                .personas: .string("Folder holding the `<persona>.yaml` files, relative to the working directory."),
                .population: .array(
                    "The simulated agents: personas and their shares. At least one entry, weights summing to a positive number.",
                    of: PopulationEntry.schema, minItems: 1),
                .system: SystemSpec.schema,
                .filter: FilterSpec.schema,
                .arms: .map(
                    "The arms, by name: configurations of the loop run over the same tickets (at least one).",
                    of: ArmSpec.schema),
                .baseline: .string("The arm others are compared with; must name an arm (default `frozen` when that arm exists)."),
                .horizon: .duration("Simulated time replayed from the first ticket; absent = the whole corpus."),
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
                .max: .integer("At most this many held-out tickets are evaluated (the first in time order).", 1...1_000_000),
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
                        .introducedLater: .boolean("Also withhold every article whose `introduced_at` is after the first ticket."),
                    ]),
                .authoring: .object(
                    "How flagged gaps are authored.", Authoring.CodingKeys.self, defaults: Authoring(),
                    [
                        .flagsNeeded: .integer("Missing-knowledge flags on one gap before authors write the article.", 1...10_000),
                        .delay: .duration("Time from reaching the threshold to publishing."),
                    ]),
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
                .weight: .number("Relative share of this persona among the agents.", 0...1_000_000),
            ])
    }
}

extension FilterSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "The quality filter between annotations and training.", CodingKeys.self, defaults: FilterSpec(),
            [
                .minAgentTrust: .number("Annotations from agents whose estimated accuracy falls below this are dropped.", 0...1),
                .virtualJudge: .object(
                    "An optional LLM-judge-like filter (absent = none).", VirtualJudge.CodingKeys.self,
                    defaults: VirtualJudge(),
                    [
                        .precision: .number("Share of the annotations it keeps that are correct.", 0...1),
                        .recall: .number("Share of correct annotations it keeps.", 0...1),
                    ]),
            ])
    }
}
