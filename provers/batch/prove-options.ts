/**
 * What every batch attempt asks of the embedded prover: `entail prove`'s defaults, i.e. the
 * strategy schedule for the problem's class plus the finite model finder. Without the model
 * finder a batch run reports Timeout where `entail prove` answers Satisfiable in milliseconds.
 */
export const BATCH_PROVE_OPTIONS = { countermodel: true } as const;
