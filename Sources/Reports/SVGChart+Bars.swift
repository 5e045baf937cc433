extension SVGChart {
    /// One arm's values in a bar chart, one per category (nil: no bar, shown as "–").
    struct BarSeries {
        var name: String
        var color: String
        var values: [Double?]
    }

    /// Horizontal grouped bars: one group per category (e.g. persona), one bar per series (arm)
    /// from zero, the value printed at the bar's end; x axis from 0 to `top` (default: the
    /// largest value) labelled `unit`; legend below.
    static func bars(
        title: String, unit: String, categories: [String], series: [BarSeries], top: Double? = nil,
        format: (Double) -> String = { SVGChart.label($0) }, width: Double = 430
    ) -> String {
        let values = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        guard !categories.isEmpty, !series.isEmpty, !values.isEmpty else {
            return "<p class=\"empty\">\(HTML.escape(title)): no data</p>"
        }
        let bar = 9.0, gap = 8.0
        let longest = categories.map(\.count).max() ?? 0
        let left = min(150, max(60, Double(longest) * 6.5 + 10)), right = 48.0, top0 = 24.0
        let groupH = Double(series.count) * bar + gap
        let plotH = Double(categories.count) * groupH
        let plotW = width - left - right
        let legendRows = (series.count + 2) / 3
        let height = top0 + plotH + 34 + Double(legendRows) * 16
        let xMax = max(top ?? values.max()!, 1e-9)
        func px(_ v: Double) -> Double { left + max(0, min(v, xMax)) / xMax * plotW }
        var svg =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<text x=\"8\" y=\"15\" class=\"title\">\(HTML.escape(title))</text>"
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top0))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" class=\"plot\"/>"
        for t in ticks(0, xMax, count: 4) {
            svg +=
                "<line x1=\"\(f(px(t)))\" x2=\"\(f(px(t)))\" y1=\"\(f(top0))\" y2=\"\(f(top0 + plotH))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(f(px(t)))\" y=\"\(f(top0 + plotH + 13))\" class=\"tick\" text-anchor=\"middle\">\(label(t))</text>"
        }
        svg +=
            "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top0 + plotH + 27))\" class=\"axis\" text-anchor=\"middle\">\(HTML.escape(unit))</text>"
        for (c, category) in categories.enumerated() {
            let gy = top0 + Double(c) * groupH + gap / 2
            svg +=
                "<text x=\"\(f(left - 5))\" y=\"\(f(gy + Double(series.count) * bar / 2 + 4))\" class=\"tick\" text-anchor=\"end\">\(HTML.escape(category))</text>"
            for (i, s) in series.enumerated() {
                let y = gy + Double(i) * bar
                guard c < s.values.count, let v = s.values[c], v.isFinite else {
                    svg += "<text x=\"\(f(left + 3))\" y=\"\(f(y + bar - 1))\" class=\"ci\">–</text>"
                    continue
                }
                svg +=
                    "<rect x=\"\(f(left))\" y=\"\(f(y + 0.5))\" width=\"\(f(max(0.5, px(v) - left)))\" height=\"\(f(bar - 1))\" fill=\"\(s.color)\"><title>\(HTML.escape(s.name)), \(HTML.escape(category)): \(HTML.escape(format(v)))</title></rect>"
                svg +=
                    "<text x=\"\(f(px(v) + 3))\" y=\"\(f(y + bar - 1))\" class=\"ci\">\(HTML.escape(format(v)))</text>"
            }
        }
        for (i, s) in series.enumerated() {
            let lx = left + Double(i % 3) * (plotW / 3), ly = top0 + plotH + 46 + Double(i / 3) * 16
            svg += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 10))\" width=\"12\" height=\"8\" fill=\"\(s.color)\"/>"
            svg += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly - 3))\" class=\"legend\">\(HTML.escape(s.name))</text>"
        }
        return svg + "</svg>"
    }
}
