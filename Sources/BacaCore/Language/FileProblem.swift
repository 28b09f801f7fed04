import Foundation

/// Why a file could not be imported, in either language: what `baca import` and the reader's
/// `:import` print after `failed:`. A reason from the system (`strerror`) is given, not
/// translated.
public enum FileProblem: Sendable, Equatable, LocalizedMessage, CustomStringConvertible {
    case empty
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case noTitle
    /// Text without anything of an article page, and fewer than `minimumWords` words of prose.
    case notACapture(minimumWords: Int)
    case isFolder
    case notRegularFile
    case noSuchFile
    case brokenSymbolicLink
    case symbolicLinkLoop
    case permissionDenied
    case pathPartNotFolder
    case pathTooLong
    case cannotOpen(reason: String)
    case cannotRead(reason: String)

    public var description: String { describe(in: .en) }

    public func describe(in language: Language) -> String {
        let id = language == .id
        switch self {
        case .empty: return id ? "berkas kosong" : "empty file"
        case .binary: return id ? "berkas biner, bukan tangkapan teks" : "binary file, not a text capture"
        case .tooLarge(let bytes, let limit):
            return id ? "berkas terlalu besar (\(bytes) bita; batasnya \(limit))" : "file too large (\(bytes) bytes; the limit is \(limit))"
        case .noTitle: return id ? "judul artikel tidak ditemukan" : "no article title found"
        case .notACapture(let words):
            return id ? "bukan tangkapan artikel (tidak ada dateline, poin penting, keterangan gambar atau bagian, "
                + "juga tidak ada \(words) kata paragraf prosa)"
                : "not an article capture (no dateline, key points, captions or sections, nor \(words) words of prose paragraphs)"
        case .isFolder: return id ? "berupa folder" : "is a folder"
        case .notRegularFile:
            return id ? "bukan berkas biasa (perangkat, pipa atau soket)" : "not a regular file (a device, pipe or socket)"
        case .noSuchFile: return id ? "berkas tidak ada" : "no such file"
        case .brokenSymbolicLink:
            return id ? "tautan simbolik rusak (tujuannya tidak ada)" : "broken symbolic link (its target does not exist)"
        case .symbolicLinkLoop: return id ? "tautan simbolik berputar" : "symbolic link loop"
        case .permissionDenied: return id ? "izin ditolak" : "permission denied"
        case .pathPartNotFolder:
            return id ? "berkas tidak ada (sebagian jalurnya bukan folder)" : "no such file (a part of the path is not a folder)"
        case .pathTooLong: return id ? "jalurnya terlalu panjang" : "the path is too long"
        case .cannotOpen(let reason): return id ? "tidak bisa membuka berkas (\(reason))" : "cannot open the file (\(reason))"
        case .cannotRead(let reason): return id ? "tidak bisa membaca berkas (\(reason))" : "cannot read the file (\(reason))"
        }
    }
}
