import Foundation
import Testing
@testable import Study

/// The real question bank in the repository's content/. Skipped while content/ has no card
/// files; once the content lands these run for real and must pass.
@Suite struct RepoContentTests {
    static let contentDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("content").path

    static var hasCards: Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: contentDir)) ?? []
        return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    }

    @Test(.enabled(if: RepoContentTests.hasCards, "content/ has no card files yet"))
    func everySeedIsCoveredAndEveryNamedSeedIsKnown() {
        let r = ContentLoader(content: Self.contentDir).load()
        let seeds = r.library.seeds
        #expect(!seeds.seeds.isEmpty, "content/seeds.tsv is missing or empty")
        let answered = Set(r.library.cards.flatMap(\.seeds))
        let uncovered = seeds.seeds.map(\.id).filter { !answered.contains($0) }
        #expect(uncovered == [], "seeds no card answers")
        let named = r.library.cards.flatMap { $0.seeds + $0.myths.compactMap(\.seed) }
        #expect(named.filter { !seeds.contains($0) } == [], "seed ids named in cards but not in seeds.tsv")
        let mythSeeds = Set(r.library.cards.flatMap { $0.myths.compactMap(\.seed) })
        #expect(seeds.seeds.filter { $0.needsMyth && !mythSeeds.contains($0.id) }.map(\.id) == [],
                "wrong or partly wrong seeds without a myth")
    }

    @Test(.enabled(if: RepoContentTests.hasCards, "content/ has no card files yet"))
    func checkerFindsNoErrors() {
        let r = ContentLoader(content: Self.contentDir).load()
        #expect(r.problems.map(\.description) == [])
    }
}
