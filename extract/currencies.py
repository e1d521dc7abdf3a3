"""Currency symbols, codes and names -> ISO 4217, from the CLDR data that Babel ships.

CLDR gives each current currency its English names (singular and plural), its symbol in
English and in the main locale of every country that uses it ("R" in South Africa, "zł" in
Poland). What CLDR leaves ambiguous ("$", "Rs", "dollars") or does not say is in
``data/currency_rules.json``. ``Currencies`` compiles one regex of prefixes (symbols and
codes written before the number) and one of names (written after it).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _load_json(name: str) -> dict:
    if not name:
        return {}
    return json.loads(resources.files("extract").joinpath("data", name).read_text(encoding="utf-8"))


def _current_codes() -> set[str]:
    """ISO 4217 codes some territory uses today (CLDR territory_currencies, no end date)."""
    from babel.core import get_global
    codes = set()
    for spells in get_global("territory_currencies").values():
        for code, _start, end, tender in spells:
            if end is None and tender:
                codes.add(code)
    return codes


def _cldr_symbols(codes: set[str]) -> dict[str, set[str]]:
    """symbol -> codes: English symbols, and the symbol each territory's main-language locale
    writes for its own currency (its own data only: fast, and what differs from the root)."""
    from babel import Locale
    from babel.core import get_global
    from babel.localedata import exists, load
    found: dict[str, set[str]] = {}
    for code, symbol in Locale("en").currency_symbols.items():
        if code in codes and symbol != code:
            found.setdefault(symbol, set()).add(code)
    languages = get_global("territory_languages")
    spells = get_global("territory_currencies")
    for territory, langs in languages.items():
        current = [c for c, _s, end, tender in spells.get(territory, []) if end is None and tender]
        if not langs or not current or not territory.isalpha():
            continue
        main = max(langs.items(), key=lambda kv: kv[1].get("population_percent", 0))[0]
        for ident in (f"{main}_{territory}", main, f"en_{territory}"):
            if exists(ident):
                symbol = dict(load(ident, merge_inherited=False).get("currency_symbols", {})).get(current[0])
                if symbol and symbol != current[0]:
                    found.setdefault(symbol, set()).add(current[0])
    return found


def _cldr_names(codes: set[str]) -> dict[str, set[str]]:
    """lower-case name -> codes: full English names, singular and plural, and their last word."""
    from babel import Locale
    en = Locale("en")
    plural = en._data["currency_names_plural"]
    found: dict[str, set[str]] = {}
    for code in codes:
        forms = {en.currencies.get(code, "")} | set(dict(plural.get(code, {})).values())
        for form in forms:
            form = form.strip().lower()
            if not form or "(" in form:
                continue
            found.setdefault(form, set()).add(code)
            found.setdefault(form.split()[-1], set()).add(code)
    return found


@dataclass
class Currencies:
    """The tables and regexes for one rules file."""

    prefixes: dict[str, str | None]   # symbol or code as written -> code (None: ambiguous, see rules)
    names: dict[str, str | None]      # lower-case name -> code
    rules: dict
    prefix_re: re.Pattern
    name_re: re.Pattern

    def code(self, written: str, text: str, name: bool = False) -> str | None:
        """The ISO code of a symbol, code or name as written, using the document's text for "$"."""
        key = written.lower() if name else written
        key = re.sub(r"\s+", " ", key)
        if name:
            key = re.sub(r"^u\.s\.\s?", "us ", key)
        table = self.names if name else self.prefixes
        rule_key = key if not name else key.split()[-1]
        code = table.get(key)
        # a symbol or word several countries write ("Rs", "SR", "pesos") is the one the text's country uses
        if not code or key == rule_key:
            for candidate, pattern in self.rules.get("context", {}).get(rule_key, {}).items():
                if re.search(pattern, text):
                    return candidate
        if code:
            return code
        if rule_key in ("$", "dollar", "dollars"):
            return self.dollar(text)
        return self.rules.get("defaults", {}).get(rule_key)

    def dollar(self, text: str) -> str:
        """A bare "$": the one local dollar the text names (A$, Singapore dollars) unless it names
        the US dollar too; else the dollar of the one dollar country it names twice (Canada,
        Ottawa, Canadian) if it never names the United States; else USD. Remembered per text:
        a page of tables asks for every row."""
        memo = self.__dict__.setdefault("_memo", {})
        if text not in memo:
            if len(memo) > 32:
                memo.clear()
            memo[text] = self._dollar(text)
        return memo[text]

    def _dollar(self, text: str) -> str:
        if re.search(self.rules.get("us_markers", r"(?!)"), text):
            return "USD"
        local = [code for code, pattern in self.rules.get("dollar_markers", {}).items() if re.search(pattern, text)]
        if not local and not re.search(self.rules.get("us_country", r"(?!)"), text):
            local = [code for code, pattern in self.rules.get("dollar_countries", {}).items()
                     if len(re.findall(pattern, text)) >= 2]
        return local[0] if len(local) == 1 else self.rules.get("defaults", {}).get("$", "USD")


@lru_cache(maxsize=4)
def currencies(rules_file: str = "currency_rules.json") -> Currencies:
    rules = _load_json(rules_file)
    codes = _current_codes()
    stop = set(rules.get("code_stopwords", []))
    drop = set(rules.get("drop_symbols", []))
    prefixes: dict[str, str | None] = {}
    for symbol, found in _cldr_symbols(codes).items():
        symbol = symbol.strip("\u200b\u200e\u200f ")
        if not symbol or symbol in drop or symbol.isdigit():
            continue
        prefixes[symbol] = found.pop() if len(found) == 1 else None
    for code in codes - stop:
        prefixes[code] = code
    prefixes.update(rules.get("extra_symbols", {}))
    for symbol in rules.get("defaults", {}):
        if not symbol.isalpha() or symbol in prefixes:
            prefixes.setdefault(symbol, None) if not symbol.isalpha() else None
    names: dict[str, str | None] = {}
    for name, found in _cldr_names(codes).items():
        names[name] = found.pop() if len(found) == 1 else None
    for word in rules.get("not_names", []):
        names.pop(word.lower(), None)
    names.update({k.lower(): v for k, v in rules.get("extra_names", {}).items()})
    names = {re.sub(r"^u\.s\.\s?", "us ", k): v for k, v in names.items()}
    glued = set(rules.get("glued_only", []))

    def prefix_alt(symbol: str) -> str:
        body = re.escape(symbol).replace(r"\ ", r"\s?")
        if symbol[:1].isalpha():
            body = r"(?<![\w$])" + body
        if symbol[-1:].isalpha():
            return body + (r"(?=\d)" if symbol in glued else r"(?=\s?\d)")
        return body + r"(?=\s?\d)"

    by_length = sorted(prefixes, key=len, reverse=True)
    prefix_re = re.compile("|".join(prefix_alt(s) for s in by_length))
    name_alts = sorted(names, key=len, reverse=True)
    name_body = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("us\\s+", r"u\.?s\.?\s*") for n in name_alts)
    name_re = re.compile(rf"(?i:{name_body})(?![\w])")
    return Currencies(prefixes, names, rules, prefix_re, name_re)
