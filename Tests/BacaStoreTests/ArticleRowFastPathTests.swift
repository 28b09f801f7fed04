import BacaCore
import Foundation
import GRDB
import Testing
@testable import BacaStore

@Suite("The derived columns of an imported row, worked out without Foundation where it can")
struct ArticleRowFastPathTests {
    @Test("an ASCII title's key is Foundation's folding, for every ASCII character")
    func asciiTitleKey() {
        let characters = (0x00...0x7F).map { String(UnicodeScalar(UInt8($0))) }
        for character in characters {
            let title = "Judul \(character)\(character)X"
            #expect(ArticleRecord.titleKey(title) == title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), "\(title.unicodeScalars.map(\.value))")
        }
        let all = characters.joined()
        #expect(ArticleRecord.titleKey(all) == all.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        #expect(ArticleRecord.titleKey("Kafé di JAKARTA") == "kafe di jakarta")
    }

    @Test("the sort key of a batch's articles: the import time's stamp and day, remembered, are what they were")
    func sortKeyOfOneImportTime() {
        let times = [Date(timeIntervalSince1970: 1_700_000_000.25), Date(timeIntervalSince1970: 86_399), Date()]
        let published: [PublishedDate?] = [nil, PublishedDate(day: CalendarDate(year: 2024, month: 11, day: 4)!),
                                           PublishedDate(instant: Date(timeIntervalSince1970: 1_600_000_000))]
        for time in times + times {
            for date in published {
                let moment = date?.instant ?? time
                let day = date?.day() ?? PublishedDate(instant: time).day()
                let expected = "\(day.iso) \(String.fromDatabaseValue(moment.databaseValue) ?? "")"
                #expect(ArticleRecord.sortKey(publishedAt: date, importedAt: time) == expected)
            }
        }
    }
}
