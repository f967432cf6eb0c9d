import Testing
@testable import Engine

/// Reference values for the positional schemes' fixed parts.
@Suite struct PositionalTests {
    @Test func alibiSlopesAreGeometric() {
        // Press et al.: for 8 heads the slopes are 1/2, 1/4, …, 1/256.
        let eight = Positions.alibiSlopes(heads: 8)
        for (h, s) in eight.enumerated() { #expect(abs(s - 1 / Float(1 << (h + 1))) < 1e-7) }
        // 4 heads: 2^(−2), 2^(−4), 2^(−6), 2^(−8).
        #expect(Positions.alibiSlopes(heads: 4).map { $0 * 256 }.map { $0.rounded() } == [64, 16, 4, 1])
        // 6 heads: the 4-head slopes, then every other 8-head slope (1/2, 1/8).
        let six = Positions.alibiSlopes(heads: 6)
        #expect(six.count == 6 && abs(six[4] - 0.5) < 1e-7 && abs(six[5] - 0.125) < 1e-7)
        let bias = Positions.alibiBias(heads: 2, length: 3, prefix: 1)
        // 2 heads: slopes 2^(−4), 2^(−8); bias = −slope · distance, 0 for the prefix column.
        let slope = Positions.alibiSlopes(heads: 2)[0]
        #expect(bias[(0 * 3 + 2) * 4 + 1] == -slope * 2)  // query 2, key 0 (after 1 prefix column)
        #expect(bias[(0 * 3 + 2) * 4 + 0] == 0)  // prefix key
    }

    @Test func t5BucketsAreExactThenLogarithmic() {
        let b = (0..<40).map { Positions.relativeBucket(distance: $0, buckets: 8, maxDistance: 32) }
        #expect(Array(b[0..<4]) == [0, 1, 2, 3])
        #expect(b[4] == 4 && b[8] == 5 && b[16] == 6)
        // 4 + ⌊log(n/4)/log(8)·4⌋: n = 19 → 6, n = 20 → 7, and the last bucket from there on.
        #expect(b[19] == 6 && b[20] == 7 && b[39] == 7)
        #expect(zip(b, b.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func sinusoidalTable() {
        let t = Positions.sinusoidal(length: 3, width: 4)
        #expect(Array(t[0..<4]) == [0, 1, 0, 1])
        #expect(abs(t[4] - Float(Foundation.sin(1.0))) < 1e-6)
        #expect(abs(t[6] - Float(Foundation.sin(0.01))) < 1e-6)
    }
}

import Foundation
