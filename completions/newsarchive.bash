# bash completion for newsindex and newssearch.
#
# Installed twice, as share/bash-completion/completions/newsindex and
# .../newssearch: bash-completion loads it on the first TAB after either name,
# and it sets up both. Self-contained (no bash-completion helpers), so it can
# also be sourced by hand. The option lists must follow --help of each
# program; tests/e2e/test_completion.sh checks that they do.

# Sets `cur` (the word being completed, without any "--option=" it starts
# with), `option` (the option it may be the value of) and `value_prefix`
# ("--option=" when that is part of the word) in the caller; returns 1 after
# "--", where every word is an operand.
_newsarchive_current() {
    local i=$COMP_CWORD word
    cur=${COMP_WORDS[i]} option="" value_prefix=""
    for word in "${COMP_WORDS[@]:1:i-1}"; do
        [[ $word == -- ]] && return 1
    done
    if [[ $cur == = ]]; then
        # "--option=" with "=" in COMP_WORDBREAKS (the default): words
        # "--option" "=" and then the value.
        cur="" option=${COMP_WORDS[i-1]}
    elif ((i >= 2)) && [[ ${COMP_WORDS[i-1]} == = ]]; then
        option=${COMP_WORDS[i-2]}
    elif [[ $cur == --*=* ]]; then
        option=${cur%%=*} value_prefix=${cur%%=*}= cur=${cur#*=}
    elif ((i >= 1)); then
        option=${COMP_WORDS[i-1]}
    fi
    return 0
}

# Completes `cur` from the words given.
_newsarchive_reply() {
    local IFS=$'\n'
    COMPREPLY=($(compgen -P "$value_prefix" -W "$*" -- "$cur"))
}

# Completes `cur` as a comma-separated list of the choices given, each at most
# once ("source,au" -> "source,author").
_newsarchive_reply_list() {
    local chosen=${cur%"${cur##*,}"} last=${cur##*,} choice left=()
    for choice in "$@"; do
        [[ ,$chosen == *,$choice,* ]] || left+=("$choice")
    done
    local IFS=$'\n'
    COMPREPLY=($(compgen -P "$value_prefix$chosen" -W "${left[*]}" -- "$last"))
    # Leave room for a comma while other choices remain.
    ((${#left[@]} > 1)) && compopt -o nospace 2>/dev/null
    return 0
}

# Completes `cur` as a path: -d directories, -f files and directories.
_newsarchive_reply_paths() {
    local IFS=$'\n'
    COMPREPLY=($(compgen "$1" -P "$value_prefix" -- "$cur"))
    compopt -o filenames 2>/dev/null
    return 0
}

_newssearch() {
    local cur option value_prefix
    COMPREPLY=()
    _newsarchive_current || return 0
    case $option in
        --format) _newsarchive_reply text json jsonl ids tsv trec; return ;;
        --sort) _newsarchive_reply relevance date oldest; return ;;
        --color) _newsarchive_reply auto always never; return ;;
        --match) _newsarchive_reply all any auto; return ;;
        --stopwords)
            _newsarchive_reply_paths -f
            local files=("${COMPREPLY[@]}")
            _newsarchive_reply english none
            COMPREPLY+=("${files[@]}")
            return ;;
        --facets) _newsarchive_reply_list source author year; return ;;
        -d | --db) _newsarchive_reply_paths -d; return ;;
        # The period is optional: an option may follow instead.
        --timeline) [[ $cur == -* ]] || { _newsarchive_reply year month day; return; } ;;
        --show | --similar | --since | --until | --source | --author | -n | --limit | --offset | --facet-limit | \
            --qid | --tag | --bm25-k1 | --bm25-b)
            return ;;
    esac
    # Otherwise query words, which cannot be guessed; options start with "-".
    [[ $cur == -* ]] && _newsarchive_reply --help --version --db --show --batch --interactive \
        --limit --offset --match --any --stopwords --bm25-k1 --bm25-b --sort --since --until --source --author --similar --count --timeline \
        --facets --facet-limit --format --color --qid --tag
    return 0
}

_newsindex() {
    local cur option value_prefix
    COMPREPLY=()
    _newsarchive_current || { _newsarchive_reply_paths -f; return; }
    case $option in
        -f | --format) _newsarchive_reply auto text jsonl json csv trec message mbox; return ;;
        # Xapian 1.4's stemmers (Xapian::Stem::get_available_languages()).
        --lang)
            _newsarchive_reply none arabic armenian basque catalan danish dutch earlyenglish english finnish \
                french german german2 hungarian indonesian irish italian kraaij_pohlmann lithuanian lovins \
                nepali norwegian porter portuguese romanian russian spanish swedish tamil turkish
            return ;;
        --weight) _newsarchive_reply title= body= author= source=; compopt -o nospace 2>/dev/null; return ;;
        --field)
            _newsarchive_reply id= title= body= date= author= source= url=
            compopt -o nospace 2>/dev/null
            return ;;
        --furniture) _newsarchive_reply_paths -f; return ;;
        -d | --db) _newsarchive_reply_paths -d; return ;;
        --csv-quote) _newsarchive_reply none; return ;;
        --csv-delimiter | --csv-header | --batch-size | -j | --threads | --shards | --wait-timeout | --progress-interval)
            return ;;
    esac
    if [[ $cur == -* ]]; then
        _newsarchive_reply --help --version --db --format --lang --weight --field --furniture --no-furniture \
            --csv-delimiter --csv-quote --csv-header --batch-size --threads --shards --compact --strict --wait --wait-timeout \
            --progress --progress-interval --quiet
    else
        _newsarchive_reply_paths -f  # INPUT files and directories
    fi
    return 0
}

complete -F _newssearch newssearch
complete -F _newsindex newsindex
