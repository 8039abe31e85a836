import Foundation

/// Input checks shared by the commands; each throws ``HelpDeskError/invalidInput(field:problem:)``.
enum Validate {
    static func notBlank(_ text: String, field: String) throws(HelpDeskError) {
        if text.isBlank { throw .invalidInput(field: field, problem: .blank) }
    }

    static func length(_ text: String, atMost maximum: Int, field: String) throws(HelpDeskError) {
        if text.utf8.count > maximum, text.count > maximum {
            throw .invalidInput(field: field, problem: .tooLong(maximum: maximum))
        }
    }

    static func title(_ title: String, maximum: Int) throws(HelpDeskError) {
        try notBlank(title, field: "title")
        try length(title, atMost: maximum, field: "title")
    }

    static func requester(_ requester: Requester) throws(HelpDeskError) {
        if case .freeText(let text) = requester { try notBlank(text, field: "requester") }
    }

    static func attachments(_ attachments: [Attachment]) throws(HelpDeskError) {
        for attachment in attachments {
            try notBlank(attachment.fileName, field: "attachment.fileName")
            if attachment.fileName.contains("/") || attachment.fileName.contains("\\") {
                throw .invalidInput(
                    field: "attachment.fileName", problem: .malformed(expected: "a name without directories"))
            }
            let parts = attachment.mediaType.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count != 2 || parts.contains(where: \.isEmpty) || attachment.mediaType.contains(" ") {
                throw .invalidInput(field: "attachment.mediaType", problem: .malformed(expected: "type/subtype"))
            }
            if attachment.byteCount < 0 { throw .invalidInput(field: "attachment.byteCount", problem: .negative) }
            let checksum = attachment.checksum.split(separator: ":", maxSplits: 1)
            if checksum.count != 2 || checksum[0].isEmpty || checksum[1].isEmpty
                || !checksum[1].allSatisfy(\.isHexDigit)
            {
                throw .invalidInput(field: "attachment.checksum", problem: .malformed(expected: "algorithm:hex"))
            }
        }
    }

    static func customFieldKeys(_ keys: some Sequence<String>, field: String = "customFields") throws(HelpDeskError) {
        for key in keys {
            try notBlank(key, field: field)
            try length(key, atMost: 64, field: field)
        }
    }

    static func email(_ email: String) throws(HelpDeskError) {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(where: \.isWhitespace) {
            throw .invalidInput(field: "email", problem: .malformed(expected: "name@domain"))
        }
    }
}
