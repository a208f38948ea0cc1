# bash completion for mpcheck(1)                             -*- shell-script -*-
# Installed as share/bash-completion/completions/mpcheck. Needs nothing but bash: rule set
# ids come from `mpcheck rules list`, check ids for --waive from `mpcheck rules show`.

# The options of each command, as `mpcheck CMD --help` lists them.
_mpcheck_common_options="-h --help --lang -o --output -j --jobs --quiet --no-color"
declare -A _mpcheck_options=(
    [check]="--rules --format --as-of --unit --waive --strict --fail-on --exit-zero --fat32 --fast"
    [fix]="--rules --unit --out --in-place --dry-run --trim --pillarbox"
    [pack]="--rules --unit --out --manifest --zip --force --as-of --format --dry-run --verify --clean --forms --fast"
    [rename]="--rules --unit --dry-run --journal --undo"
    [init]="--rules --unit --force"
    [probe]="--format --no-scan --fast"
    [rules list]=""
    [rules show]=""
    [rules lint]="--notice"
)

# The mpcheck being completed (./build/mpcheck as well as the installed one).
_mpcheck_bin()
{
    local bin=${COMP_WORDS[0]/#\~/$HOME}
    [[ -x $bin && ! -d $bin ]] || bin=mpcheck
    printf '%s' "$bin"
}

# Adds each line of the standard input (file names with blanks stay whole, none globbed).
_mpcheck_lines()
{
    local line
    while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("$line")
    done
}

# Adds the words of $1 (separated by blanks) that begin with $2.
_mpcheck_add()
{
    _mpcheck_lines < <(compgen -W "$1" -- "$2")
}

_mpcheck_files()
{
    compopt -o filenames 2>/dev/null
    _mpcheck_lines < <(compgen -f -- "$1")
}

_mpcheck_dirs()
{
    compopt -o filenames 2>/dev/null
    _mpcheck_lines < <(compgen -d -- "$1")
}

# Built-in rule set ids, then YAML files and folders on the way to one.
_mpcheck_rules()
{
    _mpcheck_add "$("$(_mpcheck_bin)" rules list 2>/dev/null | cut -d' ' -f1)" "$1"
    compopt -o filenames 2>/dev/null
    _mpcheck_lines < <(compgen -f -X '!*.yaml' -- "$1"; compgen -f -X '!*.yml' -- "$1")
    _mpcheck_dirs "$1"
}

# The check ids the rule set of the command line (or every built-in one) names, and their
# families as "family.*".
_mpcheck_check_ids()
{
    local bin sets set ids
    bin=$(_mpcheck_bin)
    sets=${1/#\~/$HOME}
    [[ -n $sets ]] || sets=$("$bin" rules list 2>/dev/null | cut -d' ' -f1)
    ids=$(for set in $sets; do "$bin" rules show "$set" --lang en 2>/dev/null; done |
        grep -oE '^[a-z]+\.[a-z0-9.-]+' | sort -u)
    # shellcheck disable=SC2001 # one family per line of a multi-line list
    _mpcheck_add "$ids $(sed 's/\..*/.*/' <<<"$ids" | sort -u)" "$2"
}

_mpcheck()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # The command ("check", "rules show", ...) and the --rules given so far.
    local cmd="" rules="" i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == --rules ]]; then
            rules=${COMP_WORDS[i + 1]}
        elif [[ -z $cmd && $word != -* ]]; then
            cmd=$word
        elif [[ $cmd == rules && $word != -* ]]; then
            cmd="rules $word"
        fi
    done

    case $prev in
    --rules)
        _mpcheck_rules "$cur"
        return
        ;;
    --format)
        if [[ $cmd == check ]]; then
            _mpcheck_add "text json jsonl html junit sarif" "$cur"
        else
            _mpcheck_add "text json" "$cur"
        fi
        return
        ;;
    --lang) _mpcheck_add "zh en" "$cur" && return ;;
    --fail-on) _mpcheck_add "error warning" "$cur" && return ;;
    --waive) _mpcheck_check_ids "$rules" "$cur" && return ;;
    --as-of) _mpcheck_add "$(date +%F)" "$cur" && return ;;
    -j | --jobs) _mpcheck_add "$(seq 1 "$(nproc 2>/dev/null || echo 4)")" "$cur" && return ;;
    --out) _mpcheck_dirs "$cur" && return ;;
    -o | --output | --manifest | --zip | --journal | --undo | --notice)
        _mpcheck_files "$cur"
        return
        ;;
    --unit) return ;;
    esac

    case $cmd in
    "")
        if [[ $cur == -* ]]; then
            _mpcheck_add "--help --version" "$cur"
        else
            _mpcheck_add "check fix pack rename init probe rules" "$cur"
        fi
        ;;
    rules)
        _mpcheck_add "list show lint" "$cur"
        ;;
    *)
        if [[ $cur == -* ]]; then
            [[ -v "_mpcheck_options[$cmd]" ]] &&
                _mpcheck_add "${_mpcheck_options[$cmd]} $_mpcheck_common_options" "$cur"
        elif [[ $cmd == "rules show" ]]; then
            _mpcheck_rules "$cur"
        elif [[ $cmd != "rules list" ]]; then
            _mpcheck_files "$cur"
        fi
        ;;
    esac
}

complete -F _mpcheck mpcheck
