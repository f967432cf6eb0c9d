import CNcursesw
import Testing
@testable import Terminal

@Suite struct KeyDecoderTests {
    @Test func printableAndChineseCharacters() {
        #expect(KeyDecoder.decode(status: .character, code: 0x71) == .char("q"))
        #expect(KeyDecoder.decode(status: .character, code: 0x4F4E) == .char("低"))
        #expect(KeyDecoder.decode(status: .character, code: 0x1F600) == .char("😀"))
    }

    @Test func controlCharacters() {
        #expect(KeyDecoder.decodeCharacter(0x03) == .ctrl("c"))
        #expect(KeyDecoder.decodeCharacter(0x01) == .ctrl("a"))
        #expect(KeyDecoder.decodeCharacter(0x1A) == .ctrl("z"))
        #expect(KeyDecoder.decodeCharacter(0x0D) == .enter)
        #expect(KeyDecoder.decodeCharacter(0x0A) == .enter)
        #expect(KeyDecoder.decodeCharacter(0x09) == .tab)
        #expect(KeyDecoder.decodeCharacter(0x7F) == .backspace)
        #expect(KeyDecoder.decodeCharacter(0x08) == .backspace)
        #expect(KeyDecoder.decodeCharacter(0x1B) == .escape)
    }

    @Test func functionKeysUseKeyCodeYes() {
        func fk(_ code: Int32) -> Key? { KeyDecoder.decode(status: .functionKey, code: UInt32(code)) }
        #expect(fk(KEY_UP) == .up)
        #expect(fk(KEY_DOWN) == .down)
        #expect(fk(KEY_LEFT) == .left)
        #expect(fk(KEY_RIGHT) == .right)
        #expect(fk(KEY_PPAGE) == .pageUp)
        #expect(fk(KEY_NPAGE) == .pageDown)
        #expect(fk(KEY_HOME) == .home)
        #expect(fk(KEY_END) == .end)
        #expect(fk(KEY_DC) == .delete)
        #expect(fk(KEY_BACKSPACE) == .backspace)
        #expect(fk(KEY_BTAB) == .backTab)
        #expect(fk(KEY_ENTER) == .enter)
        #expect(fk(KEY_F0 + 1) == .function(1))
        #expect(fk(KEY_F0 + 12) == .function(12))
        #expect(fk(dojo_key_resize()) == .resize)
    }

    @Test func sameCodeMeansDifferentKeysByStatus() {
        // KEY_DOWN is 0x102 ('Ă' as a character): only the status tells them apart.
        #expect(KeyDecoder.decode(status: .character, code: UInt32(KEY_DOWN)) == .char("Ă"))
        #expect(KeyDecoder.decode(status: .functionKey, code: UInt32(KEY_DOWN)) == .down)
    }

    @Test func escapeFollowedByCharacterIsAlt() {
        #expect(KeyDecoder.combineEscape(with: .char("x")) == .alt("x"))
        #expect(KeyDecoder.combineEscape(with: nil) == .escape)
        #expect(KeyDecoder.combineEscape(with: .up) == .escape)
    }

    @Test func keyNamesForHints() {
        #expect(Key.ctrl("c").description == "^C")
        #expect(Key.function(2).description == "F2")
        #expect(Key.char(" ").description == "Space")
    }
}
