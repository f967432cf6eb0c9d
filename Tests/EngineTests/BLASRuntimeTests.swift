import Testing
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
