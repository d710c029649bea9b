export * from './term.js';
export * from './formula.js';
export * from './clause.js';
export * from './source.js';
export * from './szs.js';
export * from './problem.js';
export * from './proof.js';
export * from './cnf.js';
