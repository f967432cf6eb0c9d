/// A run of changed cells on one row, starting at `origin` and going right.
///
/// `cells` holds one entry per column, continuation cells included, so `origin.x + i` is
/// the column of `cells[i]`; backends draw the heads and skip the continuations.
public struct CellRun: Hashable, Sendable {
    /// Column and row of the first cell.
    public var origin: Point
    /// The new cells, one per column.
    public var cells: [Cell]

    /// A run of `cells` starting at `origin`.
    public init(origin: Point, cells: [Cell]) {
        self.origin = origin
        self.cells = cells
    }

    /// The run's text as drawn (continuations skipped).
    public var text: String {
        String(cells.filter { !$0.isContinuation }.map(\.symbol))
    }
}

extension Buffer {
    /// The runs of cells that differ from `previous`: what a backend must draw to turn the
    /// screen showing `previous` into this buffer. Nil `previous` or a different size means
    /// everything changed.
    ///
    /// A changed right half of a wide character pulls in its left half, because a terminal
    /// can only draw a wide character whole.
    public func diff(from previous: Buffer?) -> [CellRun] {
        let w = size.width
        var changed = [Bool](repeating: false, count: cells.count)
        if let previous, previous.size == size {
            for i in cells.indices where cells[i] != previous.cells[i] {
                changed[i] = true
                if cells[i].isContinuation, i % w > 0 { changed[i - 1] = true }
                // A changed wide head is drawn together with its continuation.
                if cells[i].width == 2, i % w + 1 < w { changed[i + 1] = true }
            }
        } else {
            changed = [Bool](repeating: true, count: cells.count)
        }
        var runs: [CellRun] = []
        for y in 0..<size.height {
            var x = 0
            while x < w {
                guard changed[y * w + x] else { x += 1; continue }
                var run = CellRun(origin: Point(x: x, y: y), cells: [])
                while x < w, changed[y * w + x] {
                    run.cells.append(cells[y * w + x])
                    x += 1
                }
                runs.append(run)
            }
        }
        return runs
    }
}
