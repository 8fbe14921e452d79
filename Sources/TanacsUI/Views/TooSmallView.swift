/// Said instead of a broken layout when the terminal is below the minimum size.
public enum TooSmallView {
    public static func message(width: Int, height: Int) -> String {
        "Tanács needs \(ScreenLayout.minWidth)×\(ScreenLayout.minHeight), have \(width)×\(height)"
    }

    public static func render(width: Int, height: Int, canvas: inout Canvas) {
        let lines = Text.wrap(message(width: width, height: height), width: max(1, width))
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            canvas.write(line, x: max(0, (width - TextWidth.of(line)) / 2), y: top + i, style: Theme.heading)
        }
    }
}
