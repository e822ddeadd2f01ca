/// The element-structure rules of libxml2 2.9's HTML parser (`HTMLparser.c`), which the text
/// extractor's output depends on: start tags that close open elements (`htmlStartClose`), empty
/// elements (`html40ElementTable`), and how far an end tag may close (`htmlEndPriority`).
/// `HTMLParserReplay` applies them to the events of an XML parse.
enum HTMLParserRules {
    /// For each open element name, the start tags that close it (`<p>` closes an open `p`).
    static let closedBy: [String: Set<String>] = [
        "a": ["a", "fieldset", "table", "td", "th"],
        "address": ["dd", "dl", "dt", "form", "li", "ul"],
        "b": ["center", "p", "td", "th"],
        "big": ["p"],
        "caption": ["col", "colgroup", "tbody", "tfoot", "thead", "tr"],
        "col": ["col", "colgroup", "tbody", "tfoot", "thead", "tr"],
        "colgroup": ["colgroup", "tbody", "tfoot", "thead", "tr"],
        "dd": ["dt"],
        "dir": ["dd", "dl", "dt", "form", "ul"],
        "dl": ["form", "li"],
        "dt": ["dd", "dl"],
        "font": ["center", "td", "th"],
        "form": ["form"],
        "h1": ["fieldset", "form", "li", "p", "table"],
        "h2": ["fieldset", "form", "li", "p", "table"],
        "h3": ["fieldset", "form", "li", "p", "table"],
        "h4": ["fieldset", "form", "li", "p", "table"],
        "h5": ["fieldset", "form", "li", "p", "table"],
        "h6": ["fieldset", "form", "li", "p", "table"],
        "head": [
            "a", "abbr", "acronym", "address", "b", "bdo", "big", "blockquote", "body", "br", "center", "cite", "code",
            "dd", "dfn", "dir", "div", "dl", "dt", "em", "fieldset", "font", "form", "frameset", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr", "i", "iframe", "img", "kbd", "li", "listing", "map", "menu", "ol", "p", "pre", "q", "s",
            "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tt", "u", "ul", "var", "xmp",
        ],
        "hr": ["form"],
        "i": ["center", "p", "td", "th"],
        "legend": ["fieldset"],
        "li": ["li"],
        "link": ["body", "frameset"],
        "listing": ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"],
        "menu": ["dd", "dl", "dt", "form", "ul"],
        "ol": ["form", "ul"],
        "option": ["optgroup", "option"],
        "p": [
            "address", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "dir", "div", "dl", "dt",
            "fieldset", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "li", "listing", "menu",
            "ol", "p", "pre", "table", "tbody", "td", "tfoot", "th", "title", "tr", "ul", "xmp",
        ],
        "pre": ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"],
        "s": ["p"],
        "script": ["noscript"],
        "small": ["p"],
        "span": ["td", "th"],
        "strike": ["p"],
        "style": ["body", "frameset"],
        "tbody": ["tbody", "tfoot"],
        "td": ["tbody", "td", "tfoot", "th", "tr"],
        "tfoot": ["tbody"],
        "th": ["tbody", "td", "tfoot", "th", "tr"],
        "thead": ["tbody", "tfoot"],
        "title": ["body", "frameset"],
        "tr": ["tbody", "tfoot", "tr"],
        "tt": ["p"],
        "u": ["p", "td", "th"],
        "ul": ["address", "form", "menu", "ol", "pre"],
        "xmp": ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"],
    ]

    /// Elements without content: the parser ends them right after their start tag.
    static let emptyElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param",
    ]

    /// Elements whose content the parser reads as raw text, not markup.
    static let rawTextElements: Set<String> = ["script", "style"]

    /// An end tag closes the open elements above its match only when none of them has a higher
    /// priority than it (`</span>` does not close an open `div`); 100 for names not listed.
    static func endPriority(_ name: String) -> Int {
        switch name {
        case "div": 150
        case "td", "th": 160
        case "tr": 170
        case "thead", "tbody", "tfoot": 180
        case "table": 190
        case "head", "body": 200
        case "html": 220
        default: 100
        }
    }

    /// Start tags before which a missing `head` is implied (when no element but `html` is open).
    static let headContent: Set<String> = ["script", "style", "meta", "link", "title", "base"]

    /// Start tags before which a missing `body` is not implied.
    static let frameElements: Set<String> = ["noframes", "frame", "frameset"]
}
