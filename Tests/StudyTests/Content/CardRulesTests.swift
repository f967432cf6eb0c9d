import Foundation
import Testing
@testable import Study

/// Each rule broken once in the valid sample, with the exact message and line.
@Suite struct CardRulesTests {
    @Test func fewerThanThreeChoices() {
        #expect(ContentSamples.problems(replacingLine: 12, with: "")
            == ["content/lora.yaml:9: card \"lora-rank\": choices: need at least 3, found 2"])
    }

    @Test func duplicateChoicesAfterNormalization() {
        // Full-width letters, other case and extra spaces still make the same choice.
        let dup = "      - { zh: \"适配的层数 \", en: \"ＴＨＥ  number of adapted layers\", why: { zh: \"x\", en: \"x\" } }"
        #expect(ContentSamples.problems(replacingLine: 12, with: dup) == [
            "content/lora.yaml:12: card \"lora-rank\": choices[2]: duplicates choices[1] (zh)",
            "content/lora.yaml:12: card \"lora-rank\": choices[2]: duplicates choices[1] (en)",
        ])
    }

    @Test func choiceEqualToTheAnswer() {
        let same = "      - { zh: \"低秩更新 BA 的内维度\", en: \"Something else\", why: { zh: \"x\", en: \"x\" } }"
        #expect(ContentSamples.problems(replacingLine: 12, with: same)
            == ["content/lora.yaml:12: card \"lora-rank\": choices[2]: same as the answer (zh)"])
    }

    @Test func levelOutOfRange() {
        #expect(ContentSamples.problems(replacingLine: 5, with: "    level: 4")
            == ["content/lora.yaml:5: card \"lora-rank\": level: must be 1, 2 or 3, found 4"])
    }

    @Test func idMustBeKebabCase() {
        #expect(ContentSamples.problems(replacingLine: 4, with: "  - id: Lora_Rank")
            == ["content/lora.yaml:4: card \"Lora_Rank\": id: \"Lora_Rank\" must be kebab-case (a-z, 0-9 and single hyphens)"])
    }

    @Test func sourceNeedsArxivOrURLInTheRightForm() {
        #expect(ContentSamples.problems(replacingLine: 20, with: "      - { title: \"LoRA\", where: \"§4\" }")
            == ["content/lora.yaml:20: card \"lora-rank\": sources[0]: needs \"arxiv\" (NNNN.NNNNN) or \"url\" (http…)"])
        #expect(ContentSamples.problems(replacingLine: 20, with: "      - { title: \"LoRA\", arxiv: \"2106.968\", where: \"§4\" }")
            == ["content/lora.yaml:20: card \"lora-rank\": sources[0].arxiv: \"2106.968\" is not an arXiv id like 2106.09685"])
        #expect(ContentSamples.problems(replacingLine: 20, with: "      - { title: \"LoRA\", url: \"arxiv.org/abs/1\", where: \"§4\" }")
            == ["content/lora.yaml:20: card \"lora-rank\": sources[0].url: \"arxiv.org/abs/1\" must start with http:// or https://"])
        #expect(ContentSamples.problems(replacingLine: 20, with: "      - { title: \"LoRA\", arxiv: \"2106.09685\" }")
            == ["content/lora.yaml:20: card \"lora-rank\": sources[0]: missing \"where\""])
    }

    @Test func sourcesRequired() {
        #expect(ContentSamples.problems(replacingLine: 20, with: "")
            == ["content/lora.yaml:4: card \"lora-rank\": missing required key \"sources\""])
        let empty = ContentSamples.lora.replacingOccurrences(
            of: "    sources:\n      - { title: \"LoRA: Low-Rank Adaptation of Large Language Models\", arxiv: \"2106.09685\", where: \"§4.1\" }\n",
            with: "    sources: []\n")
        #expect(ContentSamples.problems([("content/lora.yaml", empty)])
            == ["content/lora.yaml:19: card \"lora-rank\": sources: need at least 1 (title, where, and arxiv or url)"])
    }

    @Test func seedIdsMustBeKnown() {
        #expect(ContentSamples.problems(replacingLine: 6, with: "    seeds: [\"000-1\", \"999-9\"]")
            == ["content/lora.yaml:6: card \"lora-rank\": seeds: unknown seed id \"999-9\" (not in seeds.tsv)"])
        #expect(ContentSamples.problems(replacingLine: 16, with: "        seed: \"000-9\"") == [
            "content/lora.yaml:16: card \"lora-rank\": myths[0].seed: unknown seed id \"000-9\" (not in seeds.tsv)",
            "content/seeds.tsv:2: seed \"000-1\" has verdict wrong but no myth names it (add a myth with seed: \"000-1\")",
        ])
    }

    @Test func clozeMarkersBalancedAndPresent() {
        #expect(ContentSamples.problems(replacingLine: 17, with: "    cloze: { zh: \"ΔW = {{BA\", en: \"ΔW = BA\" }") == [
            "content/lora.yaml:17: card \"lora-rank\": cloze.zh: unbalanced markers: \"{{\" without a closing \"}}\"",
            "content/lora.yaml:17: card \"lora-rank\": cloze.en: needs at least one {{…}} span",
        ])
        #expect(ContentSamples.problems(replacingLine: 17, with: "    cloze: { zh: \"ΔW = BA}}\", en: \"{{a {{b}} }}\" }") == [
            "content/lora.yaml:17: card \"lora-rank\": cloze.zh: unbalanced markers: \"}}\" without an opening \"{{\"",
            "content/lora.yaml:17: card \"lora-rank\": cloze.en: unbalanced markers: \"{{\" inside another {{…}}",
        ])
    }

    @Test func experimentMustBeKnown() {
        #expect(ContentSamples.problems(replacingLine: 21, with: "    experiment: lora-speed")
            == ["content/lora.yaml:21: card \"lora-rank\": experiment: unknown id \"lora-speed\" (known: lora-placement, lora-rank, norms, posenc, peft, rlhf)"])
    }

    @Test func duplicateIdsAcrossFilesNameBothPlaces() {
        let other = ContentSchemaTests.norms.replacingOccurrences(of: "norms-why", with: "lora-rank")
            .replacingOccurrences(of: "choices: [{ zh: \"a\", en: \"a\", why: { zh: \"x\", en: \"x\" } }]",
                                  with: "choices: [{ zh: \"a\", en: \"a\", why: { zh: \"x\", en: \"x\" } }, { zh: \"b\", en: \"b\", why: { zh: \"x\", en: \"x\" } }, { zh: \"c\", en: \"c\", why: { zh: \"x\", en: \"x\" } }]")
        #expect(ContentSamples.problems([("content/lora.yaml", ContentSamples.lora), ("content/norms.yaml", other)])
            == ["content/norms.yaml:4: card \"lora-rank\": id already used at content/lora.yaml:4 (ids must be unique across all files)"])
    }

    @Test func userDeckCannotOverrideABundledCard() {
        let deck = """
        topic: mine
        name: { zh: "我的", en: "Mine" }
        cards:
          - id: lora-rank
            imported: true
            level: 2
            q: { zh: "r?", en: "r?" }
            a: { zh: "秩", en: "rank" }
        """
        let r = ContentAssembler.assemble([
            ContentFile(path: "content/lora.yaml", text: ContentSamples.lora, origin: .bundled),
            ContentFile(path: "/home/u/decks/mine.yaml", text: deck, origin: .userDeck),
        ], seeds: ContentSamples.seeds)
        #expect(r.problems.map(\.description)
            == ["/home/u/decks/mine.yaml:4: card \"lora-rank\": id already used at content/lora.yaml:4 (a user deck cannot replace a card; give it another id)"])
        #expect(r.library.card(id: "lora-rank")?.q.en == "What is the rank r in LoRA?")
    }

    @Test func importedCardsMayLackChoicesAndSourcesOnlyInUserDecks() {
        let deck = """
        topic: mine
        name: { zh: "我的", en: "Mine" }
        cards:
          - id: mine-1
            imported: true
            level: 2
            q: { zh: "r?", en: "r?" }
            a: { zh: "秩", en: "rank" }
          - id: mine-2
            level: 2
            q: { zh: "r?", en: "r?" }
            a: { zh: "秩", en: "rank" }
        """
        #expect(ContentSamples.problems([("decks/mine.yaml", deck)], origin: .userDeck, seeds: nil) == [
            "decks/mine.yaml:9: card \"mine-2\": missing required key \"choices\"",
            "decks/mine.yaml:9: card \"mine-2\": missing required key \"sources\"",
        ])
        #expect(ContentSamples.problems([("content/mine.yaml", deck)], origin: .bundled, seeds: nil).contains(
            "content/mine.yaml:5: card \"mine-1\": imported: only user decks ($DOJO_HOME/decks) may hold imported cards"))
    }

    @Test func coverageNeedsEverySeedAnsweredAndEveryWrongSeedAsAMyth() {
        // Without lora-where, seed 000-2 is unanswered; without the myth, 000-1 (wrong) has none.
        let text = ContentSamples.lora.components(separatedBy: "  - id: lora-where")[0]
            .replacingOccurrences(of: "        seed: \"000-1\"\n", with: "")
        #expect(ContentSamples.problems([("content/lora.yaml", text)]) == [
            "content/seeds.tsv:2: seed \"000-1\" has verdict wrong but no myth names it (add a myth with seed: \"000-1\")",
            "content/seeds.tsv:3: seed \"000-2\" is not answered by any card (list it in a card's seeds:)",
        ])
    }

    @Test func malformedSeedsTSVRowsAreReported() {
        let (inv, problems) = SeedInventory.parse("id\ta\n000-1\tlora\tq\tq\tyes\twrong\n000-2\tlora\tq\n000-1\tlora\tq\tq\tyes\tbad\n", file: "content/seeds.tsv")
        #expect(inv.seeds.map(\.id) == ["000-1"])
        #expect(problems.map(\.description) == [
            "content/seeds.tsv:3: expected 6 tab-separated fields, found 3",
            "content/seeds.tsv:4: seed \"000-1\": verdict \"bad\" is not one of correct, partly-wrong, wrong, none",
        ])
    }
}
