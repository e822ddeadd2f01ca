import Foundation

/// An `index.json` directory listing under `www.sec.gov/Archives/edgar/`: a filing folder
/// (`data/{cik}/{accession}/index.json`), a filer folder (`data/{cik}/index.json`) or an index
/// folder (`daily-index/2023/index.json`).
public struct DirectoryListing: Sendable, Hashable {
    /// One file or sub-folder.
    public struct Item: Sendable, Hashable {
        public var name: String
        /// EDGAR's icon class: `text.gif`, `compressed.gif`, `folder.gif`, `dir`, …
        public var type: String
        /// Size in bytes when EDGAR states it as a number; `nil` for folders and empty sizes. Index
        /// folders state sizes such as `16 KB`, which are kept only in `sizeText`.
        public var sizeBytes: Int?
        /// The size exactly as listed (`""`, `"5842"`, `"16 KB"`).
        public var sizeText: String
        /// The listed modification time, verbatim (`2025-01-03 16:30:56` or `03/31/2023 10:10:45 PM`).
        public var lastModified: String
        /// `true` for folders (`folder.gif` or `dir`).
        public var isFolder: Bool { type == "folder.gif" || type == "dir" }
    }

    /// The listing's own name (a path), when present.
    public var name: String?
    public var items: [Item]

    /// Decodes an `index.json` listing.
    ///
    /// - Throws: `EDGARError.malformedResponse` naming the failing field.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> DirectoryListing {
        do {
            let wire = try JSONDecoder().decode(Wire.self, from: data)
            return DirectoryListing(
                name: wire.directory.name,
                items: wire.directory.item.map { item in
                    let text = item.size ?? ""
                    return Item(
                        name: item.name,
                        type: item.type ?? "",
                        sizeBytes: Int(text),
                        sizeText: text,
                        lastModified: item.lastModified ?? ""
                    )
                }
            )
        } catch {
            throw EDGARError(code: .malformedResponse, source: source, message: describe(error))
        }
    }

    /// The documents of a filing folder that the pipeline fetches: everything but sub-folders and
    /// the `-index.html` / `-index-headers.html` pages, which EDGAR renders from the others.
    public var documents: [Item] {
        items.filter { !$0.isFolder && !$0.name.hasSuffix("-index.html") && !$0.name.hasSuffix("-index-headers.html") }
    }

    private struct Wire: Decodable {
        struct Directory: Decodable {
            var item: [WireItem]
            var name: String?
        }
        struct WireItem: Decodable {
            var name: String
            var type: String?
            var size: String?
            var lastModified: String?

            enum CodingKeys: String, CodingKey {
                case name, type, size
                case lastModified = "last-modified"
            }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                name = try container.decode(String.self, forKey: .name)
                type = try container.decodeIfPresent(String.self, forKey: .type)
                lastModified = try container.decodeIfPresent(String.self, forKey: .lastModified)
                if let number = try? container.decodeIfPresent(Int.self, forKey: .size) {
                    size = String(number)
                } else {
                    size = try container.decodeIfPresent(String.self, forKey: .size)
                }
            }
        }
        var directory: Directory
    }
}
