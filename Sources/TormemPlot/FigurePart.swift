/// A part of one figure's drawing (a panel, its axis, markers, labels): it draws with the figure's
/// scale, theme and canvas.
protocol FigurePart {
    var drawing: FigureDrawing { get }
}

extension FigurePart {
    var scale: Double { drawing.scale }
    var theme: Theme { drawing.theme }
    var canvas: Canvas { drawing.canvas }
}
