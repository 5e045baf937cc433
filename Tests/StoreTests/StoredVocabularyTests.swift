import FlywheelCore
import Testing

@testable import Store

/// The closed vocabularies stored as text — annotation kinds and labels, KB events, statuses —
/// are the strings stores have always held, so old stores read, and each reads back as itself.
@Suite struct StoredVocabularyTests {
    @Test func annotationLabelsAreTheStoredStringsOfTheirKind() {
        let stored = Dictionary(grouping: AnnotationLabel.allCases, by: \.kind).mapValues { $0.map(\.rawValue) }
        #expect(
            stored == [
                .preference: ["a", "b", "tie", "both_bad"], .adoption: ["used", "edited", "rejected"],
                .relevance: ["relevant", "not_relevant"], .missingKnowledge: ["flag"]
            ])
        for label in AnnotationLabel.allCases {
            #expect(AnnotationLabel(kind: label.kind, rawValue: label.rawValue) == label)
        }
        #expect(AnnotationLabel(kind: .relevance, rawValue: "a") == nil)
    }

    @Test func kbEventsAndStatusesAreTheStoredStrings() {
        #expect(
            KBEvent.Kind.allCases.map(\.rawValue) == [
                "gap_opened", "already_covered", "authoring_scheduled", "wrong_article_scheduled", "nothing_written",
                "published"
            ])
        #expect(ResultsStore.Status.allCases.map(\.rawValue) == ["running", "complete"])
    }
}
