import TormemPlot

/// Draws `figure` on a recording canvas and lists what is wrong with its layout: texts that overlap
/// (boxes shrunk by half a unit), texts outside the canvas, unbalanced clips, or no text at all.
public func layoutProblems(_ figure: Figure) -> [String] {
    let canvas = RecordingCanvas(size: figure.size)
    FigureRenderer.draw(figure, on: canvas)
    var problems: [String] = []
    if canvas.texts.isEmpty { problems.append("no text drawn") }
    for (a, b) in canvas.overlappingTexts(tolerance: 0.5).prefix(5) { problems.append("overlap: \(a.text) / \(b.text)") }
    for t in canvas.textsOutsideCanvas() { problems.append("outside the canvas: \(t.item.text)") }
    if !canvas.clipsBalanced { problems.append("unbalanced clips") }
    return problems
}
