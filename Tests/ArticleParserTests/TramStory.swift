// The made-up tram story the page-dump shape tests build their pages from
// (HTMLGapTests, MarkdownShapesTests): a headline, a site menu and footer, and
// six story sentences.

enum TramStory {
    static let head = "City council approves new tram line after years of debate"
    static let menu = ["Home", "News", "Sport", "Business", "Science", "Culture", "Travel", "Video", "Podcasts", "Weather"]
    static let foot = ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"]
    static let story = ["The council voted on Tuesday to build the new tram line to the hospital after a long debate.",
                        "The first trams would run along the river from the station to the hospital by the spring of 2027.",
                        "Residents near the route were invited to a meeting at the library next week to see the plans.",
                        "Shops along the route will get help with their rent while the street is dug up for the rails.",
                        "The line will cost less than the bus lanes it replaces, the council's own figures show, over twenty years.",
                        "Work on the first stretch, from the station to the bridge, is to start in the autumn once the bids are in."]

    /// `lines` as a page dump has them: the menu over them and the footer under them, as list items.
    static func dump(_ lines: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + lines.joined(separator: "\n") + "\n\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
    }
}
