import Testing
@testable import Terminal

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("LoRA r=8") == 8)
    }

    @Test func chineseIsTwoColumnsEach() {
        #expect(DisplayWidth.of("秩") == 2)
        #expect(DisplayWidth.of("低秩适配 LoRA") == 13)
    }

    @Test func combiningMarksAndFullwidthPunctuation() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("，") == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func emojiFlagsAndControlCharacters() {
        #expect(DisplayWidth.of("🇨🇳") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("\u{7}") == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
    }
}
