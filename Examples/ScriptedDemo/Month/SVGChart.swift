import Foundation

/// Small inline SVG charts for the dashboard: a value axis with grid lines, category labels, axis
/// titles, a legend, and grouped bars or lines. No scripts, fonts or links: the SVG stands alone.
struct SVGChart {
    /// One named series of values, one per category (`nil` draws nothing there).
    struct Series {
        let name: String
        let color: String
        let values: [Double?]
    }

    let categories: [String]
    let series: [Series]
    /// The title under the category axis, e.g. `Week starting (Monday)`.
    let xTitle: String
    /// The title along the value axis, with its unit, e.g. `Tickets` or `Clocks met (%)`.
    let yTitle: String
    /// The top of the value axis; rounded up from the largest value when `nil`.
    var maximum: Double? = nil
    /// How axis and value labels print a number.
    var format: @Sendable (Double) -> String = { String(format: "%.0f", $0) }

    let width = 540.0, height = 254.0
    let left = 62.0, right = 12.0, top = 30.0, bottom = 42.0
    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// The axis top: `maximum`, else the largest value rounded up to 1, 2 or 5 × 10ⁿ.
    var axisTop: Double {
        if let maximum { return maximum }
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        guard largest > 0 else { return 1 }
        let power = pow(10, floor(log10(largest)))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= largest } ?? largest
    }

    /// Grid intervals giving round labels: one per unit up to 5, quarters of 2 × 10ⁿ, else fifths.
    var gridSteps: Int {
        let top = axisTop
        if top <= 5, top == top.rounded() { return max(1, Int(top)) }
        return abs(top / pow(10, floor(log10(top))) - 2) < 1e-9 ? 4 : 5
    }

    /// The y coordinate of `value`.
    func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, axisTop) / axisTop) }

    /// The x coordinate of the centre of category `index`.
    func x(_ index: Int) -> Double { left + plotWidth * (Double(index) + 0.5) / Double(max(categories.count, 1)) }

    /// Grouped vertical bars, one group per category, values printed above the bars.
    func bars(title: String) -> String {
        let slot = plotWidth / Double(max(categories.count, 1))
        let barWidth = min(46, slot * 0.8 / Double(max(series.count, 1)))
        var marks: [String] = []
        for (s, serie) in series.enumerated() {
            for (index, value) in serie.values.enumerated() {
                guard let value else { continue }
                let x0 = x(index) - barWidth * Double(series.count) / 2 + barWidth * Double(s)
                let y0 = y(value)
                marks.append(
                    "<rect x=\"\(n(x0 + 1))\" y=\"\(n(y0))\" width=\"\(n(barWidth - 2))\" height=\"\(n(top + plotHeight - y0))\" fill=\"\(serie.color)\"><title>\(HTML.escape("\(categories[index]): \(serie.name) \(format(value))"))</title></rect>"
                )
                marks.append(label(format(value), x: x0 + barWidth / 2, y: y0 - 4, size: 10, anchor: "middle"))
            }
        }
        return frame(title: title, marks: marks)
    }

    /// One polyline per series with a dot and a value label at each point (the first series' labels below it).
    func lines(title: String) -> String {
        var marks: [String] = []
        for (s, serie) in series.enumerated() {
            let points = serie.values.enumerated().compactMap { index, value in value.map { (x(index), y($0), $0) } }
            let path = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
            marks.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(serie.color)\" stroke-width=\"2.5\"/>")
            for point in points {
                marks.append(
                    "<circle cx=\"\(n(point.0))\" cy=\"\(n(point.1))\" r=\"3.5\" fill=\"\(serie.color)\"><title>\(HTML.escape("\(serie.name) \(format(point.2))"))</title></circle>"
                )
                marks.append(
                    label(
                        format(point.2), x: point.0, y: s == 0 ? point.1 + 16 : point.1 - 8, size: 10, anchor: "middle")
                )
            }
        }
        return frame(title: title, marks: marks)
    }

    /// The SVG element: grid, axis labels, category labels, legend and the marks.
    private func frame(title: String, marks: [String]) -> String {
        var parts = ["<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"]
        for step in 0...gridSteps {
            let value = axisTop * Double(step) / Double(gridSteps)
            parts.append(
                "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(value)))\" y2=\"\(n(y(value)))\" stroke=\"#e3e6ea\"/>"
            )
            parts.append(label(format(value), x: left - 6, y: y(value) + 4, size: 10, anchor: "end"))
        }
        parts.append(
            "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(top + plotHeight))\" y2=\"\(n(top + plotHeight))\" stroke=\"#8a939c\"/>"
        )
        for (index, category) in categories.enumerated() {
            parts.append(label(category, x: x(index), y: top + plotHeight + 16, size: 11, anchor: "middle"))
        }
        parts.append(
            "<text class=\"axis-title\" x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 6))\" font-size=\"11\" "
                + "font-weight=\"600\" text-anchor=\"middle\" fill=\"#52606d\">\(HTML.escape(xTitle))</text>")
        parts.append(
            "<text class=\"axis-title\" transform=\"translate(14 \(n(top + plotHeight / 2))) rotate(-90)\" "
                + "font-size=\"11\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#52606d\">\(HTML.escape(yTitle))</text>"
        )
        var legendX = left
        for serie in series {
            parts.append(
                "<rect x=\"\(n(legendX))\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\" fill=\"\(serie.color)\"/>")
            parts.append(label(serie.name, x: legendX + 17, y: 18, size: 11, anchor: "start"))
            legendX += 30 + Double(serie.name.count) * 6.5
        }
        return (parts + marks + ["</svg>"]).joined(separator: "\n")
    }

    /// A text element, escaped.
    private func label(_ text: String, x: Double, y: Double, size: Int, anchor: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" fill=\"#39424b\">\(HTML.escape(text))</text>"
    }

    /// A coordinate with one decimal, locale-independent.
    private func n(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// HTML escaping for text and attribute values.
enum HTML {
    /// `text` with `& < > " '` replaced by entities.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
