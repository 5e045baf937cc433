/// Inline SVG charts for the report: line charts with optional 95% bands, and heat maps. No
/// JavaScript; every label is HTML-escaped.
enum SVGChart {
    struct Series {
        var name: String
        var color: String
        var x: [Double]
        var mean: [Double]
        var lower: [Double?] = []
        var upper: [Double?] = []
        /// Dash pattern (SVG `stroke-dasharray`); nil: solid. ``distinguished(_:)`` sets it.
        var dash: String?
        var width = 2.0
    }

    /// A retrain at `x`: whether the deploy gate shipped the candidate. Drawn under the plot as
    /// a filled triangle (deployed) or a hollow cross (refused) in the arm's colour, one row per arm.
    struct Marker {
        var x: Double
        var row: Int
        var color: String
        var deployed: Bool
    }

    /// Dash patterns and widths so lines with equal values stay visible: the first series is
    /// widest and solid, later ones narrower and dashed, drawn on top.
    static let dashes: [String?] = [nil, "7 4", "2 3", "10 3 2 3", "4 2"]

    static func distinguished(_ series: [Series]) -> [Series] {
        series.enumerated().map { i, s in
            var s = s
            s.dash = dashes[i % dashes.count]
            s.width = max(1.4, 3.2 - 0.6 * Double(i))
            return s
        }
    }

    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"
    ]

    /// A line chart, `width`×`height` pixels, x and y axes with ticks and labels (units), the
    /// retrain markers under the plot, optional horizontal `references` (value, label), a legend below.
    static func lines(
        title: String, xLabel: String, yLabel: String, series: [Series], markers: [Marker] = [],
        references: [(Double, String)] = [], width: Double = 430, height: Double = 250
    ) -> String {
        let markerRows = Set(markers.map(\.row)).count
        let left = 62.0, right = 12.0, top = 24.0, bottom = 38.0 + Double(markerRows) * 9
        let columns = (series.map(\.name.count).max() ?? 0) > 16 ? 2 : 3
        let legendRows = (series.count + columns - 1) / columns + (markers.isEmpty ? 0 : 1)
        let legendHeight = Double(legendRows) * 16 + 8
        let plotW = width - left - right, plotH = height - top - bottom
        let xs = series.flatMap(\.x)
        var ys = series.flatMap(\.mean).filter(\.isFinite) + references.map(\.0)
        ys += series.flatMap { $0.lower.compactMap { $0 } + $0.upper.compactMap { $0 } }.filter(\.isFinite)
        guard let x0 = xs.min(), let x1 = xs.max(), var y0 = ys.min(), var y1 = ys.max() else {
            return "<p class=\"empty\">\(HTML.escape(title)): no data</p>"
        }
        if y1 - y0 < 1e-9 { y0 -= 0.5 * max(abs(y0), 1e-3); y1 += 0.5 * max(abs(y1), 1e-3) }
        let pad = (y1 - y0) * 0.05
        y0 -= pad; y1 += pad
        let xr = max(x1 - x0, 1e-9)
        func px(_ x: Double) -> Double { left + (x - x0) / xr * plotW }
        func py(_ y: Double) -> Double { top + (1 - (y - y0) / (y1 - y0)) * plotH }
        var svg =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height + legendHeight))\" viewBox=\"0 0 \(f(width)) \(f(height + legendHeight))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<text x=\"\(f(left))\" y=\"15\" class=\"title\">\(HTML.escape(title))</text>"
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" class=\"plot\"/>"
        for t in ticks(y0, y1, count: 5) {
            svg +=
                "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(py(t)))\" y2=\"\(f(py(t)))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(f(left - 4))\" y=\"\(f(py(t) + 4))\" class=\"tick\" text-anchor=\"end\">\(label(t))</text>"
        }
        let integerX = xs.allSatisfy { $0 == $0.rounded() }
        for t in ticks(x0, x1, count: 8) where !integerX || t == t.rounded() {
            svg +=
                "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 14))\" class=\"tick\" text-anchor=\"middle\">\(label(t))</text>"
        }
        svg +=
            "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 6))\" class=\"axis\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        svg +=
            "<text transform=\"translate(12,\(f(top + plotH / 2))) rotate(-90)\" class=\"axis\" text-anchor=\"middle\">\(HTML.escape(yLabel))</text>"
        for (value, name) in references {
            svg +=
                "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(py(value)))\" y2=\"\(f(py(value)))\" class=\"reference\"/>"
            svg +=
                "<text x=\"\(f(left + plotW - 4))\" y=\"\(f(py(value) - 4))\" class=\"tick\" text-anchor=\"end\">\(HTML.escape(name))</text>"
        }
        let rows = Array(Set(markers.map(\.row))).sorted()
        for m in markers {
            let cx = px(m.x), cy = top + plotH + 20 + Double(rows.firstIndex(of: m.row) ?? 0) * 9
            let tip =
                "<title>\(m.deployed ? "retrained, deployed" : "retrained, refused by the deploy gate") before week \(label(m.x))</title>"
            svg +=
                m.deployed
                ? "<path d=\"M\(f(cx - 3.5)),\(f(cy + 3)) L\(f(cx + 3.5)),\(f(cy + 3)) L\(f(cx)),\(f(cy - 3)) Z\" fill=\"\(m.color)\" class=\"marker\">\(tip)</path>"
                : "<path d=\"M\(f(cx - 3)),\(f(cy - 3)) L\(f(cx + 3)),\(f(cy + 3)) M\(f(cx - 3)),\(f(cy + 3)) L\(f(cx + 3)),\(f(cy - 3))\" stroke=\"\(m.color)\" stroke-width=\"1.5\" class=\"marker\">\(tip)</path>"
        }
        for s in series {
            let band = s.x.indices.compactMap { i -> (Double, Double, Double)? in
                guard i < s.lower.count, i < s.upper.count, let l = s.lower[i], let u = s.upper[i], l.isFinite,
                    u.isFinite
                else { return nil }
                return (s.x[i], l, u)
            }
            if band.count >= 2 {
                let pts =
                    band.map { "\(f(px($0.0))),\(f(py($0.2)))" }
                    + band.reversed().map { "\(f(px($0.0))),\(f(py($0.1)))" }
                svg +=
                    "<polygon points=\"\(pts.joined(separator: " "))\" fill=\"\(s.color)\" fill-opacity=\"0.15\" stroke=\"none\"/>"
            }
            let pts = zip(s.x, s.mean).filter { $0.1.isFinite }.map { "\(f(px($0.0))),\(f(py($0.1)))" }
            svg +=
                "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"\(f(s.width))\"\(s.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
        }
        for (i, s) in series.enumerated() {
            let lx = left + Double(i % columns) * (plotW / Double(columns)), ly = height + 14 + Double(i / columns) * 16
            svg +=
                "<line x1=\"\(f(lx))\" x2=\"\(f(lx + 14))\" y1=\"\(f(ly - 7))\" y2=\"\(f(ly - 7))\" stroke=\"\(s.color)\" stroke-width=\"\(f(s.width))\"\(s.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            svg += "<text x=\"\(f(lx + 18))\" y=\"\(f(ly - 4))\" class=\"legend\">\(HTML.escape(s.name))</text>"
        }
        if !markers.isEmpty {
            let ly = height + 14 + Double(legendRows - 1) * 16
            svg +=
                "<text x=\"\(f(left))\" y=\"\(f(ly - 4))\" class=\"legend\">▲ retrained, deployed · ✕ refused by the deploy gate (replicate 0)</text>"
        }
        return svg + "</svg>"
    }

    /// White → blue ramp.
    static func color(_ t: Double) -> String {
        let c = max(0, min(1, t))
        let r = Int(240 - 200 * c), g = Int(245 - 130 * c), b = Int(255 - 75 * c)
        return "rgb(\(r),\(g),\(b))"
    }

    /// About `count` round tick values covering [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let span = hi - lo
        guard span > 0, span.isFinite else { return [lo] }
        let raw = span / Double(count)
        var step = 1.0
        while step > raw { step /= 10 }
        while step * 10 <= raw { step *= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where step * m >= raw { step *= m; break }
        var t = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while t <= hi + step * 1e-9, out.count < 50 { out.append(t); t += step }
        return out
    }

    static func label(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        let a = abs(x)
        let digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        if r == 0 { return "0" }
        return digits == 0 || r == r.rounded() ? String(Int64(r)) : String(r)
    }

    static func f(_ x: Double) -> String { String((x * 10).rounded() / 10) }
}
