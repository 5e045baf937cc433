import FlywheelCore
import Foundation
import Testing

@testable import Reports

/// Every corpus text in the report is escaped: a ticket that says `<script>` shows it as text.
@Suite struct HTMLEscapeTests {
    @Test func escapeTurnsMarkupIntoText() {
        #expect(
            HTML.escape("<script>alert('x') & \"y\"</script>")
                == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test func reportEscapesTicketTextAndAnnotations() {
        let rows = [0, 1].flatMap { rep in
            [0, 1].map { it in
                MetricRow(
                    arm: "aitl", replicate: rep, iteration: it, metric: "adoption",
                    value: 0.1 + Double(it) * 0.05 + Double(rep) * 0.01)
            }
        }
        let example = ReportInput.Example(
            arm: "aitl", iteration: 1, ticket: "t-1", text: "My order <script>alert(1)</script> never came",
            annotations: [
                .init(kind: "missing_knowledge", agent: "a<1>", article: nil, label: "flag", detail: "<b>bold</b>")
            ],
            articleTitles: [:])
        let html = HTMLReport.render(
            ReportInput(run: "r<&>", scenarioHash: "abc", baseline: nil, rows: rows, examples: [example]))
        #expect(html.contains("My order &lt;script&gt;alert(1)&lt;/script&gt; never came"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("Flywheel report — r&lt;&amp;&gt;"))
        // No JavaScript anywhere and no network references.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
    }

    @Test func markdownEscapesPipesAndTags() {
        let rows = [MetricRow(arm: "a|b", replicate: 0, iteration: 0, metric: "adoption", value: 0.1)]
        let md = MarkdownSummary.render(ReportInput(run: "<x>", scenarioHash: "h", baseline: nil, rows: rows))
        #expect(md.contains("a\\|b"))
        #expect(md.contains("&lt;x&gt;"))
    }
}
