import Testing
@testable import TormemCairo

@Suite struct SVGDescriptionTests {
    @Test func titleAndDescriptionFollowTheSvgTagEscaped() {
        let svg = Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\">\n<g/>\n</svg>\n".utf8)
        let out = String(decoding: SVGDescription.inserting(title: "co · memory", description: "A < B & \"C\"", into: svg), as: UTF8.self)
        #expect(out == "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\">\n<title>co · memory</title>\n"
                     + "<desc>A &lt; B &amp; &quot;C&quot;</desc>\n<g/>\n</svg>\n")
        #expect(SVGDescription.inserting(title: "t", description: "d", into: Array("not svg".utf8)) == Array("not svg".utf8))
    }
}
