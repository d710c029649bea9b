/** Proof graphs: one model for every proof source, importers, utilities and the HTML export. */
export * from './model.js';
export * from './print.js';
export { clausificationSymbols, fromProof, fromPrologSteps, stepKind, stepText } from './from-proof.js';
export type { FromProofOptions } from './from-proof.js';
export { displayTptp, fromTstp, readAnnotated, tptpToDisplay } from './tstp.js';
export type { AnnotatedFormula, FromTstpOptions, ImportError } from './tstp.js';
export { displayLadr, fromProver9, fromProver9All, justificationParents, ladrToDisplay } from './prover9.js';
export { exportHtml, escapeHtml, scriptJson } from './html.js';
export type { ExportOptions } from './html.js';
export { RULE_GLOSSARY, ruleExplanation } from './glossary.js';
export * from './view.js';
export { pageMain, pageScript } from './page.js';
export type { PageData, PageGraph } from './page.js';
export { cspHash } from './sha256.js';
export { explainIntroduced, introducedIn, introducedSymbols, symbolsIn } from './skolem.js';
export type { IntroducedKind, IntroducedSymbol } from './skolem.js';
export { rangesForStep, sourceNames, statementAt, statementRanges, stepsFedBy } from './link.js';
export type { LineRange, StatementPos, StatementRange } from './link.js';
