import TormemPlot

/// Whether the labels of vertical markers (events, relay-count changes) sit at their markers and
/// in time order: `figure` drawn on a recording canvas, the markers are the vertical lines stroked
/// in `lineColor`, the labels the texts in `labelColor`. In each panel the labels, from left to
/// right, name the markers from left to right (`3 events: …` and `4 changes · …` name three and
/// four, any other label one), and each label starts within one line height to the right of its
/// first marker or ends within one line height to the left of its last one.
public enum MarkerLabelCheck {
    public struct Label: Equatable, Sendable {
        public var text: String
        public var box: Rect
        /// The x of the markers it names, ascending.
        public var markers: [Double]
    }

    /// The labels of each panel (top first) with the markers they name; problems as text.
    public static func check(_ figure: Figure, lineColor: Color, labelColor: Color) -> (labels: [[Label]], problems: [String]) {
        let canvas = RecordingCanvas(size: figure.size)
        FigureRenderer.draw(figure, on: canvas)
        // Marker lines by panel (same top and bottom).
        var panels: [(top: Double, bottom: Double, xs: [Double])] = []
        for (path, style) in canvas.strokes where style.color == lineColor {
            guard path.elements.count == 2, case .move(let a) = path.elements[0], case .line(let b) = path.elements[1], a.x == b.x else { continue }
            if let k = panels.firstIndex(where: { $0.top == min(a.y, b.y) && $0.bottom == max(a.y, b.y) }) {
                panels[k].xs.append(a.x)
            } else {
                panels.append((min(a.y, b.y), max(a.y, b.y), [a.x]))
            }
        }
        panels.sort { $0.top < $1.top }
        var all: [[Label]] = [], problems: [String] = []
        for panel in panels {
            let xs = panel.xs.sorted()
            let texts = canvas.texts.filter { $0.item.color == labelColor && $0.box.midY >= panel.top && $0.box.midY <= panel.bottom }
                .sorted { $0.box.minX < $1.box.minX }
            var labels: [Label] = [], next = 0
            for t in texts {
                let n = count(t.item.text)
                guard next + n <= xs.count else { problems.append("\(t.item.text): names more markers than are drawn"); break }
                let mine = Array(xs[next..<(next + n)])
                next += n
                labels.append(Label(text: t.item.text, box: t.box, markers: mine))
                let h = t.box.height
                let startsAtFirst = (0...h).contains(t.box.minX - mine[0])
                let endsAtLast = (0...h).contains(mine[n - 1] - t.box.maxX)
                if !startsAtFirst && !endsAtLast {
                    problems.append("\(t.item.text): box \(Int(t.box.minX))–\(Int(t.box.maxX)) is not at its markers \(mine.map { Int($0) })")
                }
            }
            if !texts.isEmpty, next != xs.count { problems.append("labels name \(next) of \(xs.count) markers") }
            all.append(labels)
        }
        return (all, problems)
    }

    /// How many markers a label names.
    static func count(_ text: String) -> Int {
        let digits = text.prefix { $0.isNumber }
        guard let n = Int(digits), n > 1 else { return 1 }
        let rest = text.dropFirst(digits.count)
        return rest.hasPrefix(" events: ") || rest.hasPrefix(" changes · ") ? n : 1
    }
}
