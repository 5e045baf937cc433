import FlywheelCore
import Foundation
import Testing

@testable import World

@Suite struct PersonaFileTests {
    @Test func shippedPersonasLoadAndValidate() throws {
        let names = Persona.available(in: TestSupport.personasFolder)
        for required in ["careful-expert", "rushed", "novice", "sceptic", "oracle", "random"] {
            #expect(names.contains(required))
        }
        for name in names {
            let p = try TestSupport.persona(name)
            #expect(p.name == name)
            #expect(p.rangeProblems().isEmpty)
        }
    }

    @Test func infinityIsWrittenAsDotInf() throws {
        let random = try TestSupport.persona("random")
        #expect(random.preference.noise == .infinity)
        #expect(try random.yamlText().contains("noise: .inf"))
        let oracle = try TestSupport.persona("oracle")
        #expect(oracle.adoption.slope == .infinity)
    }

    @Test func showRoundTrips() throws {
        let p = try TestSupport.persona("careful-expert")
        #expect(try Persona.load(yaml: p.yamlText(), file: "shown.yaml") == p)
    }

    @Test func unknownKeyNamesFileKeyPathAndSuggestion() throws {
        let url = TestSupport.fixture("bad-unknown-key.yaml")
        let error = try #require(throws: InputError.self) { try Persona.load(contentsOf: url) }
        #expect(error.file == url.path)
        #expect(error.field == "preference.nosie")
        #expect(error.line == 6)
        #expect(error.column == 3)
        #expect(
            error.message
                == "unknown key 'nosie'; did you mean 'noise'? Valid keys: noise, margins, position_bias, length_bias, tie_band, both_bad"
        )
    }

    @Test func probabilityOutsideUnitIntervalStatesTheRange() throws {
        let url = TestSupport.fixture("bad-probability.yaml")
        let error = try #require(throws: InputError.self) { try Persona.load(contentsOf: url) }
        #expect(error.file == url.path)
        #expect(error.field == "relevance.sensitivity")
        #expect(error.message.contains("outside [0, 1]"))
    }

    @Test func missingKeyAndWrongTypeNameTheKeyPath() throws {
        let text = try String(contentsOf: TestSupport.fixture("good.yaml"), encoding: .utf8)
        let noRationale = text.split(separator: "\n").filter { !$0.hasPrefix("rationale:") }.joined(separator: "\n")
        let missing = try #require(throws: InputError.self) { try Persona.load(yaml: noRationale, file: "x.yaml") }
        #expect(missing.field == "rationale")
        let wrongType = text.replacingOccurrences(of: "checks: 4", with: "checks: many")
        let typed = try #require(throws: InputError.self) { try Persona.load(yaml: wrongType, file: "x.yaml") }
        #expect(typed.field == "relevance.checks")
        #expect(typed.message.contains("an integer"))
    }

    @Test func populationWeightsMustSumToAPositiveNumber() throws {
        let url = TestSupport.fixture("bad-population.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let error = try #require(throws: InputError.self) { try Population.entries(yaml: text, file: url.path) }
        #expect(error.file == url.path)
        #expect(error.field == "population")
        #expect(error.message.contains("sum to a positive number"))

        let neg = TestSupport.fixture("bad-population-negative.yaml")
        let negError = try #require(throws: InputError.self) {
            try Population.entries(yaml: String(contentsOf: neg, encoding: .utf8), file: neg.path)
        }
        #expect(negError.field == "population[1].weight")
        #expect(negError.line == 3)
    }

    @Test func populationDrawsPersonasByWeight() throws {
        let url = TestSupport.fixture("good-population.yaml")
        let pop = try Population.load(
            yaml: String(contentsOf: url, encoding: .utf8), file: url.path, personas: TestSupport.personasFolder)
        var rng = RandomStream(seed: 3, purpose: "population-test")
        let n = 4000
        let rushed = (0..<n).filter { _ in pop.draw(rng: &rng).name == "rushed" }.count
        // weight 0.4 of 1.0; 99% CI half-width ≈ 0.020
        #expect(abs(Double(rushed) / Double(n) - 0.4) < TestSupport.ci99(p: 0.4, n: n))
        let agents = pop.agents(count: 12, seed: 9)
        #expect(agents.first?.id == "agent-001")
        #expect(agents == pop.agents(count: 12, seed: 9))
        #expect(Array(pop.agents(count: 20, seed: 9).prefix(12)) == agents)
    }

    @Test func loadingByNameChecksTheName() throws {
        let error = try #require(throws: InputError.self) {
            try Persona.load(named: "nobody", in: TestSupport.personasFolder)
        }
        #expect(error.message.contains("available: careful-expert"))
    }

    @Test func everyProblemOfAPersonaFileIsListedInFileOrder() throws {
        let url = TestSupport.fixture("bad-three-problems.yaml")
        let error = try #require(throws: InputError.self) { try Persona.load(contentsOf: url) }
        #expect(error.all.allSatisfy { $0.file == url.path })
        #expect(
            error.all.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.field ?? "-")" } == [
                "3:1 colour", "7:23 adoption.threshold", "9:55 relevance.specificity"
            ])
        #expect(error.all[1].message == "1.6 is outside [0, 1]: a probability must be between 0 and 1")
    }

    @Test func populationFileWeightsGetTheirLine() throws {
        let yaml = "population:\n  - {persona: rushed, weight: 1}\n  - {persona: novice, weight: -2}\n"
        let error = try #require(throws: InputError.self) { try Population.entries(yaml: yaml, file: "pop.yaml") }
        #expect(error.field == "population[1].weight")
        #expect(error.line == 3)
        #expect(error.all.count == 1)
    }

}

@Test func personasBuiltInCodeValidateWithAKeyPrefix() throws {
    let p = try TestSupport.persona("rushed").with { $0.missingKnowledge.falseFlag = -0.1 }
    let error = try #require(throws: InputError.self) { try p.validate(file: "s.yaml", keyPrefix: "personas[1]") }
    #expect(error.field == "personas[1].missing_knowledge.false_flag")
    #expect(error.file == "s.yaml")
    try TestSupport.persona("rushed").validate()

}
