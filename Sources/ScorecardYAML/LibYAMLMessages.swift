/// libyaml's English problem texts turned into plain Simplified Chinese for policy officers.
/// The English original always travels along in a note, so nothing is lost for maintainers.
enum LibYAMLMessages {
    struct Translation: Equatable {
        var message: String
        var hint: String?
    }

    /// `character` is the text at the problem position, which sharpens a few messages
    /// (a tab versus `@` for "cannot start any token").
    static func translate(problem: String, context: String?, character: Unicode.Scalar?) -> Translation {
        switch problem {
        case "found character that cannot start any token":
            switch character {
            case "\t":
                return Translation(
                    message: "这里用了制表符（Tab）缩进，YAML 只能用空格缩进。",
                    hint: "把行首的 Tab 换成空格（通常每级缩进 2 个空格）；可在编辑器里打开“显示空白字符”来查找 Tab。")
            case "@", "`":
                return Translation(
                    message: "字符“\(character.map(String.init) ?? "")”不能出现在值的开头，它是 YAML 的保留字符。",
                    hint: "把整个值用引号括起来，例如 \"@某某\"。")
            default:
                return Translation(
                    message: "这里出现了 YAML 无法识别的字符\(character.map { "“\($0)”" } ?? "")。",
                    hint: "检查是否混入了 Tab 或特殊符号；如果它是文字内容，请把整个值用引号括起来。")
            }
        case "found a tab character that violate indentation", "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return Translation(
                message: "这里用了制表符（Tab）缩进，YAML 只能用空格缩进。",
                hint: "把行首的 Tab 换成空格（通常每级缩进 2 个空格）。")
        case "mapping values are not allowed in this context":
            return Translation(
                message: "这里的冒号“:”不能出现在这个位置：YAML 把“冒号加空格”当作“键: 值”的分隔符，而这一行或上一行的值里又出现了一次。",
                hint: "如果冒号是文字内容，请把整个值用引号括起来，例如  说明: \"时间: 上午\"；否则检查缩进是否对齐。")
        case "could not find expected ':'":
            return Translation(
                message: "找不到应有的冒号“:”：这一行像是一个键，但后面没有“: 值”，或者引号、括号没有正确闭合。",
                hint: "写成“键: 值”（冒号后面要有空格）；如果值跨了多行，请检查缩进和引号。")
        case "did not find expected key":
            return Translation(
                message: "这里应当是一个新的“键: 值”，但内容的缩进与上面的键不一致。",
                hint: "同一层的键必须左对齐，使用相同数量的空格缩进；列表项“- ”下的内容要比“-”多缩进。")
        case "did not find expected '-' indicator":
            return Translation(
                message: "这里应当是列表的下一项“- ”，但缩进与上面的列表项不一致。",
                hint: "同一列表的每一项“-”必须左对齐。")
        case "block sequence entries are not allowed in this context":
            return Translation(
                message: "列表项“- ”不能出现在这个位置。",
                hint: "列表应另起一行并比上级键多缩进，例如\n  键:\n    - 项目一")
        case "mapping keys are not allowed in this context":
            return Translation(
                message: "问号“?”开头的键不能出现在这个位置。",
                hint: "如果“?”是文字内容，请把整个值用引号括起来。")
        case "found undefined tag handle":
            return Translation(
                message: "用到了未定义的标签前缀（以“!”开头的写法）。",
                hint: "规则文件一般不需要标签；如果“!”是文字内容，请把整个值用引号括起来。")
        case "found unexpected end of stream":
            return Translation(
                message: "文件在这里意外结束：有引号（或括号）没有闭合。",
                hint: "检查引号（\" 或 '）是否成对出现；值里需要引号时，可改用另一种引号括起来。")
        case "did not find expected ',' or ']'":
            return Translation(
                message: "方括号列表 [ ... ] 没有正确书写：这里应当是逗号“,”或右括号“]”。",
                hint: "检查是否漏了逗号或“]”，或者某一项里含有冒号、引号等需要用引号括起来的字符。注意要用英文标点。")
        case "did not find expected ',' or '}'":
            return Translation(
                message: "花括号映射 { ... } 没有正确书写：这里应当是逗号“,”或右括号“}”。",
                hint: "检查是否漏了逗号或“}”，注意要用英文标点。")
        case "did not find expected node content":
            return Translation(
                message: "这里应当有一个值，但没有找到。",
                hint: "检查是否多写或少写了符号（如多余的逗号、“-”或“:”）。")
        case "found unknown escape character":
            return Translation(
                message: "双引号字符串里的反斜杠“\\”后面跟了无法识别的字符。",
                hint: "双引号里的“\\”是转义符；要写反斜杠本身请写成“\\\\”，或改用单引号括起来。")
        case "found unexpected document indicator":
            return Translation(
                message: "引号里的文字跨行时，某一行以“---”或“...”开头，YAML 会把它当作文档分隔符。",
                hint: "检查引号是否闭合，或者把这一行缩进。")
        case "did not find expected alphabetic or numeric character":
            return Translation(
                message: "“&”或“*”后面应当紧跟锚点名称；锚点名称只能用英文字母、数字、“-”和“_”，不能用中文。",
                hint: "例如把 &基础 改成 &base，*基础 改成 *base；如果“&”“*”是文字内容，请把整个值用引号括起来。")
        case "did not find expected <document start>":
            return Translation(
                message: "这里应当是新文档的开始“---”。",
                hint: "检查“...”或指令行（以 % 开头）之后的内容。")
        case "did not find expected whitespace or line break" where context == "while scanning a tag":
            return Translation(
                message: "以“!”开头的标签写得不对：标签只能用英文字母、数字和符号，不能用中文。",
                hint: "规则文件一般不需要标签；如果“!”是文字内容，请把整个值用引号括起来。")
        case "did not find expected whitespace or line break", "did not find expected comment or line break":
            return Translation(
                message: "这一行在这个位置后面不应再有内容。",
                hint: "“|”或“>”之后应直接换行，内容从下一行开始并缩进。")
        case "found an indentation indicator equal to 0":
            return Translation(message: "“|”或“>”后面的缩进数字不能是 0。", hint: "去掉数字，或写 1～9。")
        case "found unexpected ':'":
            return Translation(
                message: "这里的冒号“:”位置不对。", hint: "如果冒号是文字内容，请把整个值用引号括起来。")
        case "control characters are not allowed":
            return Translation(
                message: "文件中有不可见的控制字符，YAML 不允许。",
                hint: "删除这个位置的不可见字符（常见于从网页或其他软件复制来的文字）。")
        case "invalid leading UTF-8 octet", "incomplete UTF-8 octet sequence", "invalid trailing UTF-8 octet",
            "invalid length of a UTF-8 sequence", "invalid Unicode character":
            return Translation(
                message: "文件不是有效的 UTF-8 编码。",
                hint: "规则文件必须保存为 UTF-8 编码：在记事本或 WPS 中选择“另存为”，编码选“UTF-8”。")
        default:
            if problem.contains("directive") {
                return Translation(
                    message: "以“%”开头的指令行写得不对。",
                    hint: "规则文件不需要 % 指令；如果“%”是文字内容，请把整个值用引号括起来。")
            }
            return Translation(
                message: "YAML 格式有误，无法继续读取。",
                hint: "检查这一行及上一行的缩进、冒号、引号和括号。")
        }
    }

    /// Where libyaml was when the problem came up, as a short Chinese phrase.
    static func translate(context: String) -> String {
        switch context {
        case "while scanning a simple key": "读取一个键时"
        case "while scanning a quoted scalar", "while parsing a quoted scalar": "读取引号中的字符串时"
        case "while scanning a plain scalar": "读取一个值时"
        case "while scanning a block scalar": "读取“|”或“>”多行文本时"
        case "while scanning for the next token": "读取下一项内容时"
        case "while parsing a block mapping": "读取这一组“键: 值”时"
        case "while parsing a block collection": "读取这个列表时"
        case "while parsing a flow sequence": "读取方括号列表 [ ... ] 时"
        case "while parsing a flow mapping": "读取花括号映射 { ... } 时"
        case "while parsing a block node", "while parsing a flow node": "读取一个值时"
        case "while parsing a node": "读取一个值时"
        case "while scanning an anchor": "读取锚点（&）时"
        case "while scanning an alias": "读取别名（*）时"
        case "while scanning a tag", "while parsing a tag": "读取标签（!）时"
        case "while scanning a directive": "读取指令（%）时"
        default: "读取文件时"
        }
    }
}
