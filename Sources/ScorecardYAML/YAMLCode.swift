import ScorecardBase

/// The problems of YAML syntax and the YAML loader's limits; each raw value is the code docs/ documents.
public enum YAMLCode: String, DiagnosticCode {
    case aliasLimit = "yaml.alias-limit"
    case depthLimit = "yaml.depth-limit"
    case duplicateKey = "yaml.duplicate-key"
    case encoding = "yaml.encoding"
    case io = "yaml.io"
    case merge = "yaml.merge"
    case nodeLimit = "yaml.node-limit"
    case syntax = "yaml.syntax"
    case undefinedAlias = "yaml.undefined-alias"
}
