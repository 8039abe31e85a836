#!/usr/bin/env python3
"""Generates the stemmer vocabularies `russian.tsv` and `english.tsv` (word<TAB>stem per line).

Run once, from this folder, in a virtual environment with the pinned packages:

    python3 -m venv /tmp/sv && /tmp/sv/bin/pip install snowballstemmer==3.1.1 wordfreq==3.1.1
    /tmp/sv/bin/python make-vocabularies.py

The words are real inflected forms: wordfreq's most frequent words of each language, folded the way
`TextAnalyzer` folds (lowercase, ё as е, combining marks on Latin letters removed), kept only when the
folded word is a single word of one script, deduplicated in frequency order. The stems come from
PyPI's `snowballstemmer` (generated from the Snowball project's own algorithm definitions).
"""
import re
import unicodedata

import snowballstemmer
import wordfreq

RUSSIAN_WORDS = 47000   # most frequent forms read; the file keeps the Cyrillic-only ones
ENGLISH_WORDS = 30000

RUSSIAN = re.compile(r"^[а-я]+$")            # after folding; й stays й, ё became е
ENGLISH = re.compile(r"^[a-z]+(?:'[a-z]+)?$")  # one inner apostrophe at most (don't, o'neil, it's)


def fold(word):
    """The analyzer's folding for these words: lowercase, ё → е, accents on Latin letters removed."""
    word = word.lower().replace("ё", "е")
    decomposed = unicodedata.normalize("NFD", word)
    kept = []
    for ch in decomposed:
        if unicodedata.category(ch) == "Mn":
            if ch == "\u0306" and kept and kept[-1] == "и":
                kept[-1] = "й"          # и + breve is the letter й, not an accent
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def write(path, language, words, pattern):
    stemmer = snowballstemmer.stemmer(language)
    seen = set()
    lines = []
    for original in words:
        word = fold(original.replace("\u2019", "'"))
        if not pattern.match(word) or word in seen:
            continue
        seen.add(word)
        stem = stemmer.stemWord(word)
        # snowballstemmer's Russian maps ё to е itself: folding first changes no stem.
        if language == "russian":
            assert stemmer.stemWord(original.lower()) == stem, original
        lines.append(f"{word}\t{stem}\n")
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.writelines(lines)
    print(path, len(lines), "words")


write("russian.tsv", "russian", wordfreq.top_n_list("ru", RUSSIAN_WORDS), RUSSIAN)
write("english.tsv", "english", wordfreq.top_n_list("en", ENGLISH_WORDS), ENGLISH)
