// Data for LanguageDetector: each language's most frequent function words
// (lowercase, as the body writes them), chosen by hand, most of them from the
// stopwords-iso lists (MIT licence, lua/stopwords-iso-LICENSE) that the `text`
// module carries. The languages are those the date parser reads. A word may
// belong to several languages; what separates two close languages (id/ms,
// sv/no/da, cs/sk, es/ca/pt, ru/uk) is the words only one of them uses.

enum LanguageData {
    static let functionWords: [String: String] = [
        "en": "the of and to in is that for it with as was on are be by this have from at not but they his her he she which has were said an will their been would who a i",
        "fr": "le la les de des du et est un une dans que qui pour pas sur au aux avec il elle ce sont par plus ont été mais cette leur ses son nous l' d' qu' n' c' s' à a",
        "de": "der die das und ist nicht ein eine den dem des zu mit sich auf für von im auch es sie werden wurde hat bei nach aus wie oder sind noch nur wir",
        "es": "el la los las de del y que en un una es por con para se no su al lo como más pero sus fue ha este esta entre sobre también ya muy a o",
        "it": "il la le di del della che e è per un una in con non si sono dei delle alla gli ha anche come più nel questo ma lo degli al sul a i o",
        "pt": "o a os as de do da dos das e que em um uma para com não por se no na é mais ao foi pelo pela seu sua mas também ainda nos são",
        "nl": "de het een van en in is dat op te niet zijn met voor er die ook aan als bij door maar om naar wordt werd hij zij nog worden",
        "ca": "el la els les de del i que en un una és per amb no es al dels als però més va hi aquest aquesta seva seu també ha han a",
        "ro": "și în de la cu pe un o care nu este că mai din pentru sunt fost se ca dar al lui au ce sau această acest fi a",
        "sv": "och i att det som en på är av för med till den har inte om ett var de jag men sig från kan efter också vid eller",
        "no": "og i det som en på er av for med til den har ikke om et var de jeg men seg fra kan etter også ble hva mye noe å",
        "da": "og i at det som en på er af for med til den har ikke om et var de jeg men sig fra kan efter også blev hvad meget noget",
        "fi": "ja on ei se että hän oli ovat mutta kun tai myös joka mukaan sekä kuin nyt vain jo ole olla tämä sen hänen",
        "pl": "i w na z że się nie do to jest o jak po ale od przez dla co tak jego jej oraz który która także już są był",
        "cs": "a se na je v že to s z do o jako ale by pro jsou bylo jeho které který také nebo podle až už byl při jsem",
        "sk": "a sa na je v že to s z do o ako ale by pre sú bolo jeho ktoré ktorý aj alebo podľa až už bol pri som",
        "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena bisa ada oleh tersebut saat adalah para tetapi setelah yaitu kemarin namun",
        "ms": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke kerana boleh ada oleh telah bagi ialah beliau iaitu daripada tetapi selepas sebarang sahaja semalam manakala",
        "tl": "ang ng sa na at mga ay si para hindi may ko ako niya kanyang ito nang kay siya sila din rin lamang",
        "ru": "и в не на что с по как это он она они но из к у за то от так для был была было все его её же при также",
        "uk": "і в не на що з по як це він вона вони але із до у за та від так для був була було всі його її також й",
        "ar": "في من على أن إلى التي الذي عن مع هذا هذه ما لا كان وقد قد بين كما أو بعد ذلك",
        "hi": "है के में की और को से का कि एक पर भी यह हैं था नहीं लिए ने इस कर",
    ]

    /// The lists as the detector reads them: languages (sorted codes), words
    /// (each with the indices of the languages that list it) and an index.
    struct Table {
        var languages: [String] = []
        var words: [[Int]] = []
        var index: [LanguageDetector.WordKey: Int] = [:]
        /// The same index as an open-addressing table with a multiplicative
        /// hash: the lookup runs for every word of every article, and
        /// Dictionary's seeded hashing was a fifth of `lectern parse`'s time.
        var slotLow: [UInt64] = [], slotHigh: [UInt64] = [], slotValue: [Int32] = []
        var mask = 0
        /// The longest function word in bytes: longer words are not looked up.
        var maxLength = 0

        @inline(__always) static func slot(_ k: LanguageDetector.WordKey, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: ((k.low &* 0x9E37_79B9_7F4A_7C15) ^ (k.high &* 0xC2B2_AE3D_27D4_EB4F)) >> 40) & mask
        }

        @inline(__always) func find(_ k: LanguageDetector.WordKey) -> Int? {
            var i = Table.slot(k, mask)
            while true {
                let v = slotValue[i]
                if v < 0 { return nil }
                if slotLow[i] == k.low && slotHigh[i] == k.high { return Int(v) }
                i = (i + 1) & mask
            }
        }
    }

    static let table: Table = {
        var t = Table()
        t.languages = functionWords.keys.sorted()
        for (li, lang) in t.languages.enumerated() {
            for w in functionWords[lang]!.split(separator: " ") {
                let key = LanguageDetector.WordKey(String(w))
                if let k = t.index[key] { t.words[k].append(li) } else { t.index[key] = t.words.count; t.words.append([li]) }
                t.maxLength = max(t.maxLength, w.utf8.count)
            }
        }
        var size = 64
        while size < t.index.count * 4 { size *= 2 }
        t.mask = size - 1
        t.slotLow = Array(repeating: 0, count: size)
        t.slotHigh = Array(repeating: 0, count: size)
        t.slotValue = Array(repeating: -1, count: size)
        for (k, v) in t.index {
            var i = Table.slot(k, t.mask)
            while t.slotValue[i] >= 0 { i = (i + 1) & t.mask }
            t.slotLow[i] = k.low; t.slotHigh[i] = k.high; t.slotValue[i] = Int32(v)
        }
        return t
    }()

    /// Deprecated or merged codes pages still declare.
    static let aliases: [String: String] = ["iw": "he", "in": "id", "ji": "yi", "jw": "jv", "nb": "no", "nn": "no", "mo": "ro"]

    /// The ISO 639-1 codes.
    static let iso639_1: Set<String> = Set("""
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu
        fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn
        ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os
        pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw
        ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
