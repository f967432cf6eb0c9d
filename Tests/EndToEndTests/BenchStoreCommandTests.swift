import Foundation
import Testing

/// `dojo bench-store` is listed in the help and reports figures that belong to the run.
@Suite struct BenchStoreCommandTests {
    @Test func aSmallRunPrintsSaneJSON() throws {
        let r = try DojoBinary.run(["bench-store", "--cards", "80", "--log-rows", "400", "--ratings", "30", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["cards", "log_rows", "ratings", "previewed", "rate_median_ms", "rate_p95_ms",
                                   "session_start_ms", "bytes_per_10k_reviews", "database_bytes"])
        #expect(json["cards"] as? Int == 80 && json["log_rows"] as? Int == 400)
        #expect(json["ratings"] as? Int == 30 && json["previewed"] as? Int == 30)
        let median = try #require(json["rate_median_ms"] as? Double), p95 = try #require(json["rate_p95_ms"] as? Double)
        #expect(median > 0 && p95 >= median)
        #expect((json["bytes_per_10k_reviews"] as? Int ?? 0) > 0 && (json["database_bytes"] as? Int ?? 0) > 0)
        let help = try DojoBinary.run(["--help"])
        #expect(help.out.contains("bench-store") && help.out.contains("cards"))
        let bad = try DojoBinary.run(["bench-store", "--cards", "0"])
        #expect(bad.status != 0 && bad.err.contains("--cards"))
    }
}
