#!/bin/sh
# 安装 scorecard：编译发布版（Swift 运行库静态链接进程序），把 scorecard 装到 $PREFIX/bin，
# 并装上 bash、zsh、fish 的命令补全和手册页（man scorecard）。
#
#   sh docs/install.sh                       # 装到 /usr/local（需要 root 或 sudo）
#   PREFIX="$HOME/.local" sh docs/install.sh  # 装到自己的目录，不需要 root
#
# Installs scorecard: builds the release binary with the Swift runtime linked statically and puts
# it in $PREFIX/bin (default /usr/local), with shell completions and a manual page, both made by
# the installed program itself. Run from the package folder (where Package.swift is). The only
# run-time dependency left is the system libyaml (Debian: libyaml-0-2, which libyaml-dev pulls in).
# SCORECARD_BINARY=/path/to/scorecard skips the build and installs that binary instead (tests).
set -eu

PREFIX="${PREFIX:-/usr/local}"
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ -n "${SCORECARD_BINARY:-}" ]; then
  binary="$SCORECARD_BINARY"
else
  cd "$here"
  echo "编译发布版（swift build -c release --static-swift-stdlib），第一次需要几分钟……" >&2
  swift build -c release --static-swift-stdlib >&2
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/scorecard"
fi
[ -x "$binary" ] || { echo "找不到编译好的程序：$binary" >&2; exit 1; }

bin="$PREFIX/bin"
man1="$PREFIX/share/man/man1"
bash_completions="$PREFIX/share/bash-completion/completions"
zsh_completions="$PREFIX/share/zsh/site-functions"
fish_completions="$PREFIX/share/fish/vendor_completions.d"
mkdir -p "$bin" "$man1" "$bash_completions" "$zsh_completions" "$fish_completions"

# Copied to a temporary name and renamed, so a scorecard that is running is never overwritten.
cp "$binary" "$bin/.scorecard.new"
chmod 755 "$bin/.scorecard.new"
mv -f "$bin/.scorecard.new" "$bin/scorecard"
installed="$bin/scorecard"

# Completions, as swift-argument-parser writes them for the installed program.
"$installed" --generate-completion-script bash >"$bash_completions/scorecard"
"$installed" --generate-completion-script zsh >"$zsh_completions/_scorecard"
"$installed" --generate-completion-script fish >"$fish_completions/scorecard.fish"

# The manual page: the program's own help, every command's, in one page, wrapped at 72 columns
# so that it fits an 80-column terminal under man's indent. (swift-argument-parser's
# generate-manual plugin drops the Chinese from the help texts, so it is not used.)
roff() {
  # Backslashes doubled; a line starting with . or ' would be a roff request.
  sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
}
version="$("$installed" --version)"
{
  echo ".TH SCORECARD 1 \"\" \"scorecard $version\" \"政工联系员考核\""
  echo ".SH 名称"
  echo "scorecard \\- 政工联系员考核：按规则文件（YAML）计算每季度的考核结果"
  echo ".SH 说明"
  echo ".nf"
  COLUMNS=72 "$installed" --help | roff
  echo ".fi"
  for command in check evaluate explain annual vacancy eligibility diff; do
    echo ".SH \"scorecard $command\""
    echo ".nf"
    COLUMNS=72 "$installed" help "$command" | roff
    echo ".fi"
  done
  echo ".SH 另见"
  echo "README.md 与 docs/ 下的说明：workflow.md（一年的工作流程）、rules.md（规则文件格式）、evidence.md（证据记录）、output.md（输出格式）。"
} >"$man1/scorecard.1"

echo "已安装：$installed（$version）" >&2
echo "  命令补全：$bash_completions/scorecard、$zsh_completions/_scorecard、$fish_completions/scorecard.fish" >&2
echo "  手册页：$man1/scorecard.1（man scorecard）" >&2
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "  注意：$bin 不在 PATH 中；在 ~/.bashrc 中加上 export PATH=\"$bin:\$PATH\"" >&2 ;;
esac
