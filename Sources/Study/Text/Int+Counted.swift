extension Int {
    /// "1 card", "3 cards": an English count with the noun in the right number.
    ///
    /// Every English message that counts something goes through here, so none says "1 days".
    public func counted(_ singular: String, plural: String? = nil) -> String {
        "\(self) " + (self == 1 ? singular : plural ?? singular + "s")
    }
}
