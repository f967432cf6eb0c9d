// swift-tools-version:6.0
// LLM Dojo: study LLM/ML interview questions in the terminal and watch tiny models train.
import PackageDescription

/// Numeric code stays optimized even in debug builds: gradient checks and learning tests
/// would otherwise take minutes at -Onone.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "dojo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dojo", targets: ["dojo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries: apt providers make `swift build` name the missing package.
        .systemLibrary(
            name: "CNcursesw", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),

        // Cell buffer, diffing, widgets, braille charts; ncurses and in-memory backends.
        .target(name: "Terminal", dependencies: ["CNcursesw"]),
        // The engine's vector kernels in C, built for AVX2 + FMA and for baseline x86-64 and
        // picked per CPU at run time (Swift cannot target a CPU feature per function).
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        // Tensors, autograd, layers, transformer, PEFT methods, optimizers.
        .target(name: "Engine", dependencies: ["COpenBLAS", "CKernels"], swiftSettings: optimizedInDebug),
        // Cards, content loading, FSRS-6, quizzes, stats: pure logic, no I/O beyond reading content.
        .target(name: "Study", dependencies: [.product(name: "Yams", package: "Yams")]),
        // GRDB/SQLite: migrations, review log, card state, settings.
        .target(name: "Store", dependencies: ["Study", .product(name: "GRDB", package: "GRDB.swift")]),
        // Screens, navigation, key bindings, the event loop.
        .target(name: "App", dependencies: ["Terminal", "Study", "Store", "Engine"]),
        // Argument parsing and composition root.
        .executableTarget(
            name: "dojo",
            dependencies: [
                "App", "Terminal", "Study", "Store", "Engine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"], swiftSettings: optimizedInDebug),
        .testTarget(name: "StudyTests", dependencies: ["Study"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Study"]),
        .testTarget(name: "AppTests", dependencies: ["App", "Terminal", "Study", "Store"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
