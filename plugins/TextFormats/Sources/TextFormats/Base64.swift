/// Base64 in the standard alphabet with padding, for bodies that are not text.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func encode(_ bytes: [UInt8]) -> String {
        var text = ""
        text.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for (position, byte) in chunk.enumerated() {
                group |= UInt32(byte) << (16 - 8 * UInt32(position))
            }
            for position in 0..<4 {
                if position <= chunk.count {
                    text.append(alphabet[Int(group >> (18 - 6 * UInt32(position)) & 0x3F)])
                } else {
                    text.append("=")
                }
            }
            index += 3
        }
        return text
    }
}
