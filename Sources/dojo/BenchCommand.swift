import ArgumentParser
import Engine
import Foundation

/// `dojo bench`: engine training speed on fixed models, against this machine's sgemm peak.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time training steps of the fixed S and M models and compare with the measured sgemm peak."
    )

    @Option(name: .long, help: "Which model to time: S, M (default: both).")
    var model: String?

    @Option(name: .long, help: "Timed steps per configuration (default: 40 for S, 15 for M).")
    var steps: Int?

    @Option(name: .long, help: "Only this BLAS thread count (default: try 1 and 2).")
    var blas: Int?

    @Option(name: .long, help: "Only this engine loop thread count (default: try 1 and 2).")
    var loops: Int?

    @Option(name: .long, help: "Only this number of data-parallel batch shards (default: try 1 and 2).")
    var shards: Int?

    @Flag(name: .long, help: "Print JSON lines instead of a table.")
    var json = false

    func run() throws {
        let models: [BenchModel]
        if let model {
            guard let m = BenchModel(rawValue: model.uppercased()) else {
                throw ValidationError("unknown model '\(model)'; use --model S or --model M")
            }
            models = [m]
        } else {
            models = BenchModel.allCases
        }
        var peaks: [Int: Double] = [:]
        for threads in [1, 2] {
            let saved = BLASRuntime.threads
            BLASRuntime.threads = threads
            peaks[threads] = Benchmark.sgemmPeak()
            BLASRuntime.threads = saved
        }
        if !json {
            print("OpenBLAS \(BLASRuntime.coreName); sgemm peak 512³: \(format(peaks[1]!)) GFLOP/s (1 thread), \(format(peaks[2]!)) (2 threads)")
            print("model  blas  loops shards  ms/step   best   tokens/s   GFLOP/s  %peak  maxRSS MB  loss")
        }
        for m in models {
            let n = steps ?? (m == .S ? 40 : 15)
            var results: [BenchResult] = []
            let candidates = Benchmark.threadings.filter {
                (self.blas ?? $0.0) == $0.0 && (self.loops ?? $0.1) == $0.1 && (self.shards ?? $0.2) == $0.2
            }
            for (blas, loops, shards) in candidates {
                let r = try Benchmark.run(m, blasThreads: blas, engineThreads: loops, shards: shards, steps: n, peak: peaks[max(blas, shards)]!)
                results.append(r)
                if json {
                    let data = try JSONEncoder().encode(r)
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    print("\(m.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(pad(blas, 4)) \(pad(loops, 6)) \(pad(shards, 6)) \(pad(format(r.msPerStep), 8)) \(pad(format(r.bestMs), 6)) \(pad(format(r.tokensPerSecond, 0), 10)) \(pad(format(r.gflops), 9)) \(pad(format(100 * r.shareOfPeak, 0), 6)) \(pad(format(r.maxRSSMB, 0), 10))  \(format(Double(r.finalLoss), 3))")
                }
            }
            if !json, let best = results.min(by: { $0.msPerStep < $1.msPerStep }) {
                print("  best for \(m.rawValue): BLAS \(best.blasThreads), loops \(best.engineThreads), shards \(best.shards): \(format(best.msPerStep)) ms/step")
            }
        }
    }

    private func format(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
    private func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
    private func pad(_ i: Int, _ n: Int) -> String { pad(String(i), n) }
}
