/// A topic is one content file: an id (the file name), a display name and its cards.
public struct Topic: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var cards: [Card]
    /// Where the topic's file is; `line` is 1.
    public var location: SourceLocation

    public init(id: String, name: LocalizedText, cards: [Card], location: SourceLocation) {
        self.id = id
        self.name = name
        self.cards = cards
        self.location = location
    }
}
