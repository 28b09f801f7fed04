import Foundation
import Testing
@testable import BacaFeeds

@Suite("An import's path arithmetic, done on bytes, gives what Foundation gives")
struct PathTextTests {
    static let paths = [
        "a.txt", "captures/0000001-judul.txt", "/tmp/x/y.TXT", "/", "a", "a/b", "/a/b/c.Txt", "dir.d/file",
        "arsip berita/Berita Ünïcödé.txt", "a/./b.txt", "a/../b.txt", "./a.txt", "../a.txt", "a//b.txt",
        "a/b/", "a/b.txt/", "", ".", "..", "...", "a/.hidden", ".txt", "a/.txt", "a.", "a/b.", "a.tar.gz",
        "a.t-x", "a.tx t", "a%20b.txt", "~/a.txt", "a/~b.txt", "/a//b", "//a", "a/b c/d.html", "a.HTM",
        "x/y.z/", "a/...", "a/.../b", "a/b..txt", "a#b?.txt", "a:b.txt", "\u{00E9}.txt", "a/\u{00C9}T\u{00C9}.TXT",
    ]

    @Test("a folder and a name joined")
    func joined() {
        for folder in Self.paths {
            for name in ["b.txt", "Ünï.txt", ".hidden", "a b", "c/d", "/e", "", ".", ".."] {
                #expect(PathText.joined(folder, name) == (folder as NSString).appendingPathComponent(name), "\(folder) + \(name)")
            }
        }
    }

    @Test("the extension, lower-cased")
    func fileExtension() {
        for path in Self.paths {
            #expect(PathText.lowercasedExtension(of: path) == (path as NSString).pathExtension.lowercased(), "\(path)")
        }
    }

    @Test("the absolute path of a file")
    func absolute() {
        let current = PathText.currentDirectory
        for path in Self.paths where !path.isEmpty {
            #expect(PathText.absolute(path, currentDirectory: current) == URL(fileURLWithPath: path).standardizedFileURL.path, "\(path)")
        }
    }
}
