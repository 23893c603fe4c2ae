import BrevCore

/// A zip archive (PKWARE APPNOTE 6.3: local headers, central directory, end record) of a few
/// files in memory, for the "all" download. Each file is deflated (raw, zlib level 6) unless
/// that does not make it smaller, as with a PDF whose streams are compressed already; then it
/// is stored. Every entry carries the same fixed time, so the same letter gives the same bytes.
enum ZipArchive {
    struct File {
        var name: String
        var bytes: [UInt8]
    }

    /// DOS date and time of every entry: 1980-01-01 00:00, the earliest a zip can say.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// Zip without the Zip64 extension: each file and the archive must stay under 4 GiB (a letter is kilobytes).
    static func archive(_ files: [File]) throws -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for file in files {
            let name = Array(file.name.utf8)
            let crc = Zlib.crc32(file.bytes)
            let deflated = try Zlib.deflate(file.bytes, format: .raw)
            let (method, data): (UInt16, [UInt8]) = deflated.count < file.bytes.count ? (8, deflated) : (0, file.bytes)
            let offset = UInt32(out.count)
            // Bit 11: the name is UTF-8.
            let flags: UInt16 = 1 << 11
            out.le32(0x0403_4b50)
            out.le16(20); out.le16(flags); out.le16(method); out.le16(dosTime); out.le16(dosDate)
            out.le32(crc); out.le32(UInt32(data.count)); out.le32(UInt32(file.bytes.count))
            out.le16(UInt16(name.count)); out.le16(0)
            out += name
            out += data

            central.le32(0x0201_4b50)
            // Made by: UNIX (3), spec 2.0; so the mode below is read as permissions.
            central.le16(3 << 8 | 20); central.le16(20); central.le16(flags); central.le16(method)
            central.le16(dosTime); central.le16(dosDate)
            central.le32(crc); central.le32(UInt32(data.count)); central.le32(UInt32(file.bytes.count))
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            // A regular file, mode 0600: the letter is personal, as the CLI's files are.
            central.le32(UInt32(0o100600) << 16)
            central.le32(offset)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out.le32(0x0605_4b50)
        out.le16(0); out.le16(0); out.le16(UInt16(files.count)); out.le16(UInt16(files.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return out
    }
}

private extension Array where Element == UInt8 {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xff)); append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xff)) }
    }
}
