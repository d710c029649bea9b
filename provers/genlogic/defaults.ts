/**
 * The explorer's default search bounds, in one place: `explore()`, the CLI and the UI
 * all read them. A term bound of 7 is the smallest that reaches both distributivity
 * laws of the Peano theory (x·(y+z) has size 5, x·y + x·z has size 7) and, with no
 * `only` filter, associativity of ×. Plain data, no imports, so the renderer may use it.
 */
export const EXPLORE_DEFAULTS = {
  /** Largest term on either side (symbols + variables). */
  maxTermSize: 7,
  /** Largest equation (both sides together). */
  maxEquationSize: 12,
  /** Test values 0..numerals-1 for every variable. */
  numerals: 4,
  /** Wall-clock limit in seconds (the CLI's `--timeout` and the UI's time limit). */
  timeoutS: 60,
} as const;
