/** The controlled-English grammar reference beside the NL panel: what the parser reads, with examples, and how it resolves ambiguity. */
import { CONSTRUCTIONS, RULES } from '../../../nl/cnl/reference.js';

/** The reference's compact notation in the symbols the NL panel shows (∀ ∃ → ∧ ∨ ¬). */
function symbols(f: string): string {
  return f
    .replace(/\bA([A-Z](?:,[A-Z])*)\./g, '∀$1. ')
    .replace(/\bE([A-Z](?:,[A-Z])*)\./g, '∃$1. ')
    .replace(/ -> /g, ' → ')
    .replace(/ <-> /g, ' ↔ ')
    .replace(/ & /g, ' ∧ ')
    .replace(/ \| /g, ' ∨ ')
    .replace(/~/g, '¬');
}

export function CnlGrammar() {
  return (
    <details className="cnl-grammar" data-testid="cnl-grammar">
      <summary>Controlled English: what the parser reads</summary>
      <p className="muted">
        Any word can be a noun, adjective or verb by its position. Each sentence is shown back as a paraphrase; a sentence that is not
        understood names the word, what was expected there and a rewrite.
      </p>
      <table className="cnl-constructions">
        <thead>
          <tr>
            <th>Construction</th>
            <th>Example</th>
            <th>Reads as</th>
          </tr>
        </thead>
        <tbody>
          {CONSTRUCTIONS.map((c) => (
            <tr key={c.name}>
              <td title={c.pattern}>{c.name}</td>
              <td className="sentence">{c.example}</td>
              <td>
                <code>{symbols(c.formula)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Interpretation rules (named in a paraphrase when they decide a reading)</h4>
      <dl className="cnl-rules">
        {Object.entries(RULES).map(([id, text]) => (
          <div key={id}>
            <dt>
              <code>{id}</code>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
