extension Transformer {
    /// An independent copy: same configuration, attachment, weights, statistics and
    /// trainable flags (e.g. the frozen reference policy of PPO and DPO).
    public func clone() -> Transformer {
        // The configuration and method were valid for self, so rebuilding cannot fail.
        let copy = try! Transformer(config, seed: 0)
        if let peft { try! copy.attach(peft, seed: 0) }
        for (mine, theirs) in zip(parameters, copy.parameters) {
            theirs.tensor.copyValues(from: mine.tensor)
            theirs.tensor.requiresGrad = mine.tensor.requiresGrad
        }
        for (site, lora) in attachments.lora { copy.attachments.lora[site]!.merged = lora.merged }
        return copy
    }

    /// Freezes every parameter (a reference model that only scores).
    public func freezeAll() { setTrainable(false) { _ in true } }
}
