/**
 * A cooperative limit on a synchronous computation (clausifier, saturation loop): the callee polls it at
 * bounded intervals and ends with an outcome value, never a throw.
 */
export interface Limits {
  /** Absolute deadline in Date.now() milliseconds. */
  readonly deadline?: number;
  /** Polled with the deadline; true stops the work (a cancellation, reported apart from a timeout). */
  readonly shouldStop?: () => boolean;
}
