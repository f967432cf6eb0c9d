import Testing
@testable import Store

@Suite struct DataDirectoryTests {
    @Test func dojoHomeWins() {
        let d = DataDirectory.resolve(environment: ["DOJO_HOME": "/tmp/x", "XDG_DATA_HOME": "/tmp/y", "HOME": "/h"])
        #expect(d.databaseURL.path == "/tmp/x/dojo.sqlite")
    }

    @Test func xdgThenHome() {
        #expect(DataDirectory.resolve(environment: ["XDG_DATA_HOME": "/tmp/y", "HOME": "/h"]).url.path == "/tmp/y/dojo")
        #expect(DataDirectory.resolve(environment: ["HOME": "/h"]).url.path == "/h/.local/share/dojo")
    }
}
