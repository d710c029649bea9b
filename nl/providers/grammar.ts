/**
 * GBNF grammar (llama.cpp's grammar format) for LINC-style output: TEXT/FOL line
 * pairs whose formulas are NLTK first-order logic. Constrained decoding with it
 * makes every sample syntactically parseable, so no sample is lost to a stray
 * token. Stricter than NLTK on purpose, so that every string it allows is also
 * accepted by our 'nltk' parser (checked in a test against LINC's recorded lines):
 * a quantifier's body is an atom, a negation, another quantifier or parenthesized,
 * and a (negated) quantified formula stands alone or inside parentheses, so
 * `all x. P(x) & Q(x)` cannot be produced and no variable escapes its scope;
 * `->` and `<->` do not chain; names start with a letter. Precedence as in NLTK:
 * `-` > `&` > `|` > `->` > `<->`.
 */
export const NLTK_FOL_GBNF = String.raw`root ::= pair+
pair ::= "TEXT:\t" text "\n" "FOL:\t" formula "\n"
text ::= [^\t\n]+
formula ::= quant | negquant | iff
quant ::= ("all" | "exists") " " var (" " var)* "." ws body
body ::= quant | "-" ws body | "(" ws formula ws ")" | atom
negquant ::= "-" ws (quant | negquant)
iff ::= imp (ws "<->" ws imp)?
imp ::= disj (ws "->" ws disj)?
disj ::= conj (ws "|" ws conj)*
conj ::= unary (ws "&" ws unary)*
unary ::= "-" ws unary | "(" ws formula ws ")" | atom
atom ::= pred "(" ws term (ws "," ws term)* ws ")" | term ws ("=" | "!=") ws term | pred
pred ::= [A-Z] [A-Za-z0-9_]*
term ::= ident ("(" ws term (ws "," ws term)* ws ")")?
ident ::= [A-Za-z] [A-Za-z0-9_]*
var ::= [a-z] [0-9]*
ws ::= " "?
`;

/** Rule names referenced but not defined, and defined twice (a cheap well-formedness check). */
export function gbnfProblems(grammar: string): string[] {
  const defined = new Map<string, number>();
  const used = new Set<string>();
  for (const line of grammar.split('\n')) {
    const m = /^([a-z][a-z0-9-]*)\s*::=\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    defined.set(m[1]!, (defined.get(m[1]!) ?? 0) + 1);
    // Strip string literals and character classes before looking for rule references.
    const body = m[2]!.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(/\[(?:[^\]\\]|\\.)*\]/g, ' ');
    for (const r of body.matchAll(/[a-z][a-z0-9-]*/g)) used.add(r[0]);
  }
  const out: string[] = [];
  if (!defined.has('root')) out.push('no root rule');
  for (const u of used) if (!defined.has(u)) out.push(`undefined rule ${u}`);
  for (const [d, n] of defined) if (n > 1) out.push(`rule ${d} defined ${n} times`);
  return out;
}
