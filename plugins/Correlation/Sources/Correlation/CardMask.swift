/// Masks card numbers in text: a run of 13 to 19 ASCII digits that passes the Luhn check (as
/// every card number does) becomes `*` but for its last four digits. Other runs of digits,
/// such as amounts, ids and most timestamps, stay as they are.
///
///     CardMask.mask(#"{"card":"4111111111111111"}"#)   // {"card":"************1111"}
enum CardMask {
    static let lengths = 13...19

    static func mask(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var run: [Character] = []
        func flush() {
            if lengths.contains(run.count) && passesLuhn(run) {
                result += String(repeating: "*", count: run.count - 4) + String(run.suffix(4))
            } else {
                result += String(run)
            }
            run.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// The Luhn checksum: from the right, every second digit doubled (less 9 when over 9); the
    /// sum is a multiple of 10.
    static func passesLuhn(_ digits: [Character]) -> Bool {
        var sum = 0
        for (position, character) in digits.reversed().enumerated() {
            guard var digit = character.wholeNumberValue else { return false }
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}
