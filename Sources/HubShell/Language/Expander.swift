/// Turns words into tokens by looking up their variables.
///
/// A variable's value becomes part of the word as it is: `set MSG "a  b"; echo $MSG` prints
/// `a  b`, never splitting it into two words or dropping an empty value.
public struct Expander {
    /// The value of a variable, or nil when it is not set.
    public var lookup: (String) -> String?

    public init(lookup: @escaping (String) -> String?) {
        self.lookup = lookup
    }

    /// The token `word` stands for; throws `LanguageError.undefinedVariable` at the variable.
    public func expand(_ word: Word) throws -> Token {
        var text = ""
        for part in word.parts {
            switch part {
            case .literal(let literal):
                text += literal
            case .variable(let name, let location):
                guard let value = lookup(name) else {
                    throw LanguageError(.undefinedVariable(name), at: location)
                }
                text += value
            }
        }
        return Token(text, location: word.location, wasQuoted: word.wasQuoted)
    }

    public func expand(_ words: [Word]) throws -> [Token] {
        try words.map(expand)
    }
}
