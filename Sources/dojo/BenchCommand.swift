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

    @Flag(name: .long, help: "Also print where the time goes, per op, for each single-shard configuration.")
    var profile = false

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
        // Peaks at 1 and 2 threads: a configuration is compared with the peak of as many
        // threads as it keeps busy, max(BLAS, loops, shards).
        for threads in [1, 2] {
            let saved = BLASRuntime.threads
            BLASRuntime.threads = threads
            peaks[threads] = Benchmark.sgemmPeak()
            BLASRuntime.threads = saved
        }
        if !json {
            print("OpenBLAS \(BLASRuntime.coreName); sgemm peak 512³: \(format(peaks[1]!)) GFLOP/s (1 thread), \(format(peaks[2]!)) (2 threads)")
            print("floor: the step's projection GEMMs alone at the same threads (no step can be faster with OpenBLAS)")
            print("model  blas  loops shards  ms/step   best  floor   tokens/s   GFLOP/s  %peak  maxRSS MB  loss")
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for m in models {
            let n = steps ?? (m == .S ? 40 : 15)
            var results: [BenchResult] = []
            let tuned = m.tunedParallelism(cores: cores)
            let candidates = (Benchmark.threadings.contains(tuned) ? Benchmark.threadings : Benchmark.threadings + [tuned]).filter {
                (self.blas ?? $0.blasThreads) == $0.blasThreads && (self.loops ?? $0.loopThreads) == $0.loopThreads && (self.shards ?? $0.shards) == $0.shards
            }
            for c in candidates {
                let (blas, loops, shards) = (c.blasThreads, c.loopThreads, c.shards)
                let ops = profile && shards == 1 ? OpProfile() : nil
                let peak = peaks[max(blas, loops, shards)] ?? peaks[2]!
                let r = try Benchmark.run(m, blasThreads: blas, engineThreads: loops, shards: shards, steps: n, peak: peak, auto: c == tuned, profile: ops)
                results.append(r)
                if json {
                    let data = try JSONEncoder().encode(r)
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    print("\(m.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(pad(blas, 4)) \(pad(loops, 6)) \(pad(shards, 6)) \(pad(format(r.msPerStep), 8)) \(pad(format(r.bestMs), 6)) \(pad(format(r.projectionFloorMs), 6)) \(pad(format(r.tokensPerSecond, 0), 10)) \(pad(format(r.gflops), 9)) \(pad(format(100 * r.shareOfPeak, 0), 6)) \(pad(format(r.maxRSSMB, 0), 10))  \(format(Double(r.finalLoss), 3))\(r.auto ? "  auto" : "")")
                }
                if let ops, !json { printProfile(ops, steps: n) }
            }
            if !json, let best = results.min(by: { $0.msPerStep < $1.msPerStep }) {
                print("  best for \(m.rawValue): BLAS \(best.blasThreads), loops \(best.engineThreads), shards \(best.shards): \(format(best.msPerStep)) ms/step")
                if let auto = results.first(where: \.auto) {
                    print("  auto for \(m.rawValue) (Parallelism.tuned, \(cores) cores): \(tuned): \(format(auto.msPerStep)) ms/step")
                }
            }
        }
    }

    /// Mean ms per step of each op, forward and backward, most expensive first.
    private func printProfile(_ profile: OpProfile, steps: Int) {
        let entries = profile.entries
        let total = entries.reduce(0) { $0 + $1.forward + $1.backward }
        print("       op                  fwd ms   bwd ms  calls/step  share")
        for e in entries {
            let ms = { (s: Double) in format(1000 * s / Double(steps), 2) }
            print("       \(e.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(pad(ms(e.forward), 7)) \(pad(ms(e.backward), 8)) \(pad(e.calls / steps, 11)) \(pad(format(100 * (e.forward + e.backward) / total, 0), 5))%")
        }
    }

    private func format(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
    private func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
    private func pad(_ i: Int, _ n: Int) -> String { pad(String(i), n) }
}
