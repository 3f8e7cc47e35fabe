import Foundation

/// A string compared by its code points, as JSON Schema compares strings.
///
/// Swift's `String ==` treats canonically equivalent strings as equal (`"é"` precomposed
/// equals `"e\u{301}"`), while JSON Schema's `const`, `enum` and property names do not. Use
/// this as a dictionary or set key wherever such equality matters.
struct ExactString: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        lhs.text.isIdentical(to: rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}

extension String {
    /// True when both strings hold the same code points (no Unicode normalisation).
    func isIdentical(to other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        let compared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                count == 0 || memcmp(mine.baseAddress!, theirs.baseAddress!, count) == 0
            }
        }
        if let compared, let result = compared { return result }
        return utf8.elementsEqual(other.utf8)
    }
}
