import Study
import Testing

@Suite struct CountedTests {
    @Test func oneIsSingularEverythingElsePlural() {
        #expect(1.counted("day") == "1 day")
        #expect(0.counted("day") == "0 days")
        #expect(2.counted("day") == "2 days")
        #expect(3.counted("query", plural: "queries") == "3 queries")
    }
}
