import Testing
@testable import Study

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        // First outputs of the reference splitmix64.c for seed 0.
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(r.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(r.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func boundedIntsStayInRangeAndCoverIt() {
        var r = SplitMix64(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let n = r.int(below: 6)
            #expect((0..<6).contains(n))
            seen.insert(n)
        }
        #expect(seen == Set(0..<6))
    }

    @Test func shuffleIsAPermutationAndDependsOnTheSeed() {
        var a = SplitMix64(seed: 1), b = SplitMix64(seed: 1), c = SplitMix64(seed: 2)
        let items = Array(0..<20)
        let x = a.shuffled(items), y = b.shuffled(items), z = c.shuffled(items)
        #expect(x.sorted() == items)
        #expect(x == y)
        #expect(x != z)
    }
}
