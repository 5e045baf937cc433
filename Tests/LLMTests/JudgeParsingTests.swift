import LLMJudging
import Testing

@testable import LLM

/// The LLM judge's answer is parsed strictly: one score 1–5 and nothing else.
@Suite struct JudgeParsingTests {
    @Test func acceptsABareDigitAndItsPlainSpellings() {
        #expect(LLMJudge.parse("4") == 4)
        #expect(LLMJudge.parse("  5\n") == 5)
        #expect(LLMJudge.parse("Score: 3") == 3)
        #expect(LLMJudge.parse("2/5") == 2)
        #expect(LLMJudge.parse("1.") == 1)
    }

    @Test func rejectsAnythingElse() {
        for answer in [
            "", "0", "6", "45", "4.5", "four", "I would give it a 4", "4 because it is good", "Score: 7", "3/10"
        ] {
            #expect(LLMJudge.parse(answer) == nil, "\(answer.debugDescription) must not parse")
        }
    }
}
