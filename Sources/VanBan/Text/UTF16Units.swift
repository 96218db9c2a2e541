extension String {
    /// The text's UTF-16 code units, transcoded from its UTF-8 bytes in one pass: nearly twice
    /// as fast as `Array(utf16)`, which goes scalar by scalar through the view's indices. Words
    /// and the folds copy every passage so.
    var utf16Units: [UInt16] {
        var text = self
        return text.withUTF8 { bytes in
            [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
                var read = 0
                count = 0
                while read < bytes.count {
                    let lead = UInt32(bytes[read])
                    func next(_ offset: Int) -> UInt32 { UInt32(bytes[read + offset]) & 0x3F }
                    switch lead {
                    case ..<0x80:
                        units[count] = UInt16(lead)
                        read += 1
                    case ..<0xE0:
                        units[count] = UInt16((lead & 0x1F) << 6 | next(1))
                        read += 2
                    case ..<0xF0:
                        units[count] = UInt16((lead & 0x0F) << 12 | next(1) << 6 | next(2))
                        read += 3
                    default:
                        let scalar = ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)) - 0x10000
                        units[count] = UInt16(0xD800 + (scalar >> 10))
                        count += 1
                        units[count] = UInt16(0xDC00 + (scalar & 0x3FF))
                        read += 4
                    }
                    count += 1
                }
            }
        }
    }
}
