import Foundation

/// Makes the C library read and write UTF-8, which libedit needs to edit non-ASCII text.
enum TerminalLocale {
    /// Takes the character set from the environment (LANG, LC_ALL, LC_CTYPE); when that is not
    /// UTF-8, uses C.UTF-8. Returns false when no UTF-8 locale exists: non-ASCII input may then
    /// not edit correctly.
    @discardableResult
    static func useUTF8() -> Bool {
        if setlocale(LC_CTYPE, "") != nil, isUTF8 { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil && isUTF8
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
