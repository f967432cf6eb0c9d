import Testing
import Foundation
@testable import Engine

@Suite(.serialized) struct BLASRuntimeTests {
    @Test func threadCountCanBePinned() {
        let before = BLASRuntime.threads
        defer { BLASRuntime.threads = before }
        BLASRuntime.threads = 1
        #expect(BLASRuntime.threads == 1)
        #expect(BLASRuntime.configuration.contains("OpenBLAS"))
    }
}

/// The bench's GEMM floor: a real measurement at the model's shapes that leaves the BLAS
/// thread setting as it found it.
@Suite(.serialized) struct ProjectionFloorTests {
    /// The floor times exactly the matrices the FLOP count charges: S has 102,400 matrix
    /// weights (2·(4·64² + 2·64·256) + 64·64), M 794,624 (4·(4·128² + 2·128·512) + 128·64).
    @Test func shapesAreTheCountedMatrices() {
        let weights = { (m: BenchModel) in m.projectionShapes.reduce(0) { $0 + $1.inputs * $1.outputs } }
        #expect(weights(.S) == 102_400)
        #expect(weights(.M) == 794_624)
        #expect(BenchModel.M.projectionShapes.count == 4 * 4 + 1)
        #expect(BenchModel.M.projectionShapes.first! == (128, 384))
        #expect(BenchModel.M.projectionShapes.last! == (128, 64))
        #expect(abs(BenchModel.S.flopsPerStep - 0.6794e9) < 0.001e9)
    }

    @Test(arguments: [1, 2]) func floorIsAPositiveTimeAndRestoresThreads(shards: Int) {
        let before = BLASRuntime.threads
        defer { BLASRuntime.threads = before }
        BLASRuntime.threads = 2
        let ms = Benchmark.projectionFloorMs(.S, shards: shards, repeats: 2)
        #expect(ms.isFinite && ms > 0)
        // S's projections are 0.68 GFLOP less attention; below 1 µs would mean nothing ran.
        #expect(ms > 0.001)
        #expect(BLASRuntime.threads == 2)
    }
}
