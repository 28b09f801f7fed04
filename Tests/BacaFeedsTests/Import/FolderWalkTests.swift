import BacaStore
import Foundation
import Testing
@testable import BacaFeeds

@Suite("Walking a folder for an import")
struct FolderWalkTests {
    @Test("a long folder read in chunks gives every name once, sorted, hidden ones left out")
    func chunks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var expected: [String] = []
        for number in (0..<23).shuffled() {
            let name = "\(number * 37 % 100)-berita-\(number).txt"
            FileManager.default.createFile(atPath: folder.path(name), contents: Data())
            expected.append(name)
        }
        FileManager.default.createFile(atPath: folder.path(".tersembunyi.txt"), contents: Data())
        try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: false)
        expected.append("sub")
        expected.sort()

        var seen: [String] = []
        var after: [UInt8]? = nil
        var readings = 0
        while true {
            let names = try PackedNames.read(folder: folder.url.path, after: after, limit: 4).get()
            readings += 1
            seen += (0..<names.count).map { names[$0] }
            #expect(names.count <= 4)
            guard names.hasMore, let last = names.last else { break }
            after = last
        }
        #expect(seen == expected)
        #expect(readings == 6)
        #expect(try PackedNames.read(folder: folder.url.path, after: nil).get().hasMore == false)
        #expect(throws: FileImporter.ReadFailure.self) { try PackedNames.read(folder: folder.path("nowhere"), after: nil).get() }
    }
}
